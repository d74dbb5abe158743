package io.handlestck.server.http;

import java.util.Set;

/**
 * The {@code x-ms-version} values the service knows (shared/reference/azure-files-behaviour.md §1.7:
 * the SDKs' service-version lists plus the File spec folders), and the first version of each
 * feature this server gates. Versions are ISO dates, so string order is release order.
 */
public final class ApiVersions {

    /** List Handles and Force Close Handles first appeared here (DOC-FCH, DOC-LH). */
    public static final String HANDLE_OPERATIONS = "2018-11-09";
    /** {@code x-ms-number-of-handles-failed} (real 2019-02-02 responses lack it). */
    public static final String HANDLES_FAILED_HEADER = "2019-07-07";
    /** {@code x-ms-allow-trailing-dot}. */
    public static final String TRAILING_DOT = "2022-11-02";
    /** {@code <AccessRightList>} in a listed handle. */
    public static final String ACCESS_RIGHT_LIST = "2023-01-03";
    /** {@code <ClientName>} in a listed handle. */
    public static final String CLIENT_NAME = "2024-02-04";

    /** The newest version this server knows. */
    public static final String NEWEST = "2027-03-07";

    private static final Set<String> KNOWN = Set.of(
            "2015-02-21", "2015-04-05", "2015-07-08", "2015-12-11", "2016-05-31", "2017-04-17", "2017-07-29",
            "2017-11-09", "2018-03-28", "2018-11-09", "2019-02-02", "2019-07-07", "2019-10-10", "2019-12-12",
            "2020-02-10", "2020-04-08", "2020-06-12", "2020-08-04", "2020-10-02", "2020-12-06", "2021-02-12",
            "2021-04-10", "2021-06-08", "2021-08-06", "2021-10-04", "2021-12-02", "2022-11-02", "2023-01-03",
            "2023-05-03", "2023-08-03", "2023-11-03", "2024-02-04", "2024-05-04", "2024-08-04", "2024-11-04",
            "2025-01-05", "2025-05-05", "2025-07-05", "2025-11-05", "2026-02-06", "2026-04-06", "2026-06-06",
            "2026-10-06", "2026-12-06", "2027-03-07");

    private ApiVersions() {
    }

    public static boolean isKnown(String version) {
        return KNOWN.contains(version);
    }

    public static boolean atLeast(String version, String first) {
        return version.compareTo(first) >= 0;
    }
}
