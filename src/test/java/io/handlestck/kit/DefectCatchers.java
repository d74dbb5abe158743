package io.handlestck.kit;

import io.handlestck.server.defects.Defect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which kit cases are aimed at which reference-server defect: the case or cases written to catch
 * that bug, decided from what each case checks (its code and its catalogue entry), not from what a
 * run happened to report. Other cases may catch a defect too (a broken listing breaks every case
 * that lists); {@link DefectsMetaTest} prints those and does not require them.
 */
public final class DefectCatchers {

    private static final Map<Defect, List<String>> AIMED = new EnumMap<>(Defect.class);

    static {
        // Force Close Handles: scope, counts, ids, paging
        aim(Defect.RECURSION_IGNORED, "FCH-004", "FCH-005", "LH-005", "HS-002", "NM-004");
        aim(Defect.NON_RECURSIVE_INCLUDES_CHILDREN, "FCH-003", "LH-004");
        aim(Defect.RECURSIVE_ON_FILE_ACCEPTED, "FCH-013");
        aim(Defect.WILDCARD_CLOSES_ONE, "FCH-002");
        aim(Defect.CLOSED_COUNT_OFF_BY_ONE, "FCH-001", "FCH-006", "FCH-023", "HS-007");
        aim(Defect.FAILED_COUNT_MISSING, "FCH-007", "FCH-014");
        aim(Defect.FORCE_CLOSE_MARKER_MISSING, "FCH-016", "FCH-017");
        aim(Defect.EMPTY_MARKER_ON_LAST_PAGE, "FCH-008");
        aim(Defect.FORCE_CLOSE_XML_BODY, "FCH-015");
        aim(Defect.MISSING_HANDLE_ID_ACCEPTED, "FCH-011", "FCH-012");
        aim(Defect.MALFORMED_ID_ACCEPTED, "FCH-009", "FCH-010", "PRO-022");
        aim(Defect.UNKNOWN_ID_NOT_FOUND, "FCH-006", "FCH-007");
        aim(Defect.CLOSED_HANDLES_LISTED, "FCH-001", "FCH-002");
        // paging of both operations
        aim(Defect.MARKER_SKIPS, "FCH-016", "LH-018", "LH-030");
        aim(Defect.MARKER_REPEATS, "LH-018");
        aim(Defect.MARKER_NOT_VALIDATED, "FCH-024", "LH-031", "PRO-022");
        aim(Defect.MAXRESULTS_IGNORED, "LH-019");
        aim(Defect.MAXRESULTS_ZERO_ACCEPTED, "LH-023", "PRO-022");
        // snapshots, missing resources
        aim(Defect.SNAPSHOT_SCOPE_IGNORED, "FCH-018", "FCH-019", "FCH-022", "LH-025", "LH-028");
        aim(Defect.SHARE_NOT_FOUND_AS_RESOURCE_NOT_FOUND, "FCH-021", "LH-027");
        aim(Defect.MISSING_PATH_AS_PARENT_NOT_FOUND, "FCH-020", "LH-026");
        // the List Handles body
        aim(Defect.HANDLE_LIST_ELEMENT, "LH-003", "LH-009", "LH-020", "LH-021");
        aim(Defect.NEXT_MARKER_OMITTED, "LH-002", "LH-022");
        aim(Defect.HANDLE_ELEMENT_ORDER, "LH-007");
        aim(Defect.OPEN_TIME_ISO8601, "LH-014");
        aim(Defect.VERSION_GATING_IGNORED, "LH-010", "LH-011", "FCH-014");
        aim(Defect.NO_BOM, "LH-008", "PRO-009");
        aim(Defect.PATH_WITH_LEADING_SLASH, "LH-001", "LH-006", "LH-016", "NM-001", "NM-002", "NM-003", "NM-005",
                "NM-007", "NM-008");
        aim(Defect.PATH_NOT_ENCODED, "NM-006");
        aim(Defect.LISTING_CONTENT_TYPE_TEXT, "LH-029");
        aim(Defect.ACCESS_RIGHTS_ALL, "LH-012");
        aim(Defect.FILE_IDS_HEX, "LH-013");
        aim(Defect.CLIENT_IP_WITHOUT_PORT, "LH-015");
        aim(Defect.PARENT_ID_IS_FILE_ID, "LH-017");
        // what a force close means to the SMB client
        aim(Defect.FORCE_CLOSE_INVISIBLE_TO_CLIENT, "HS-001", "HS-002");
        aim(Defect.OPEN_HANDLES_DO_NOT_BLOCK_DELETE, "HS-003", "HS-004", "HS-005", "HS-006");
        // protocol: authentication, versions, headers
        aim(Defect.SIGNATURE_NOT_CHECKED, "PRO-010", "PRO-011");
        aim(Defect.STALE_DATE_ACCEPTED, "PRO-012");
        aim(Defect.SAS_ACCEPTED, "PRO-014");
        aim(Defect.UNKNOWN_VERSION_ACCEPTED, "PRO-017", "PRO-018");
        aim(Defect.MISSING_VERSION_ACCEPTED, "PRO-019");
        aim(Defect.VERSION_ECHO_FIXED, "PRO-006");
        aim(Defect.VERSION_NOT_ECHOED_ON_ERRORS, "PRO-004");
        aim(Defect.NEGATIVE_TIMEOUT_ACCEPTED, "PRO-021", "PRO-022");
        aim(Defect.CLIENT_REQUEST_ID_NOT_ECHOED, "PRO-001");
        aim(Defect.CLIENT_REQUEST_ID_INVENTED, "PRO-002");
        aim(Defect.CLIENT_REQUEST_ID_NOT_LIMITED, "PRO-003");
        aim(Defect.REQUEST_ID_REUSED, "PRO-005");
        aim(Defect.DATE_ISO8601, "PRO-007");
        aim(Defect.ERROR_CODE_HEADER_MISSING, "PRO-008");
    }

    private DefectCatchers() {
    }

    private static void aim(Defect defect, String... caseIds) {
        if (AIMED.put(defect, List.of(caseIds)) != null) {
            throw new IllegalStateException(defect + " is aimed at twice");
        }
    }

    /** The case ids written to catch the defect; empty when the table has no entry for it. */
    public static List<String> aimedAt(Defect defect) {
        return AIMED.getOrDefault(defect, List.of());
    }

    /** Every entry of the table. */
    static Map<Defect, List<String>> all() {
        return Map.copyOf(AIMED);
    }
}
