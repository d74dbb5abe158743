package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Namespace;
import io.handlestck.server.model.Share;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves what a request addresses: the share (by the naming rules of Azure Files), the live
 * namespace or a snapshot, and the path below the share root with its names validated.
 */
public final class Resources {

    /** 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
    private static final Pattern SHARE_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}");
    /** Characters no file or directory name may hold (besides control characters). */
    private static final String FORBIDDEN = "\"\\/:|<>*?";
    private static final int MAX_NAME = 255;
    private static final int MAX_PATH = 2048;
    private static final int MAX_DEPTH = 250;

    private Resources() {
    }

    /** The share the request addresses: 400 InvalidResourceName for a bad name, 404 ShareNotFound when absent. */
    public static Share share(ServerContext context, ServiceRequest request) {
        Share share = context.account().share(shareName(request));
        if (share == null) {
            throw ServiceError.shareNotFound();
        }
        return share;
    }

    public static String shareName(ServiceRequest request) {
        String name = request.share();
        if (name == null || !SHARE_NAME.matcher(name).matches()) {
            throw ServiceError.invalidResourceName();
        }
        return name;
    }

    /**
     * The namespace addressed by {@code sharesnapshot}, or the live share without one. An unknown
     * snapshot answers 404 ShareNotFound: that is what the real service was seen answering
     * (reference §5: "The specified share does not exist."); the ShareSnapshotNotFound code only
     * exists in newer swagger files and no recording shows it, and recordings win over documents.
     */
    public static Namespace namespace(Share share, ServiceRequest request) {
        String snapshot = request.query("sharesnapshot");
        if (snapshot == null) {
            return share.live();
        }
        Namespace namespace = share.snapshot(canonicalSnapshot(snapshot));
        if (namespace == null) {
            throw ServiceError.shareNotFound();
        }
        return namespace;
    }

    /** A snapshot id in its canonical 7-digit form; 400 InvalidQueryParameterValue when it is not a UTC date-time. */
    public static String canonicalSnapshot(String snapshot) {
        Instant at = WireFormats.parseIso(snapshot).orElseThrow(() -> ServiceError.invalidQueryParameterValue(
                "sharesnapshot", snapshot, "The share snapshot is not a valid UTC date-time."));
        return WireFormats.iso7(at);
    }

    /** Writes are refused on a snapshot: 400 ShareSnapshotOperationNotSupported. */
    public static void refuseSnapshot(ServiceRequest request) {
        if (request.query("sharesnapshot") != null) {
            throw ServiceError.snapshotOperationNotSupported();
        }
    }

    /** The validated path segments below the share root (empty for the root). */
    public static List<String> path(ServiceRequest request) {
        return validatePath(request.segments(), allowTrailingDot(request));
    }

    /**
     * Validates names and, unless the client asked to keep them, trims trailing dots as the service
     * does ({@code x-ms-allow-trailing-dot}, from 2022-11-02).
     */
    public static List<String> validatePath(List<String> segments, boolean keepTrailingDots) {
        if (segments.size() > MAX_DEPTH) {
            throw ServiceError.invalidResourceName();
        }
        List<String> names = new ArrayList<>(segments.size());
        int length = 0;
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.length() > MAX_NAME) {
                throw ServiceError.invalidResourceName();
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c < 0x20 || FORBIDDEN.indexOf(c) >= 0) {
                    throw ServiceError.invalidResourceName();
                }
            }
            String name = keepTrailingDots ? segment : trimTrailingDots(segment);
            if (name.isEmpty()) {
                throw ServiceError.invalidResourceName();
            }
            length += name.length() + 1;
            names.add(name);
        }
        if (length > MAX_PATH) {
            throw ServiceError.invalidResourceName();
        }
        return names;
    }

    private static boolean allowTrailingDot(ServiceRequest request) {
        Boolean allow = booleanHeader(request, "x-ms-allow-trailing-dot");
        return allow != null && allow && request.versionAtLeast(ApiVersions.TRAILING_DOT);
    }

    private static String trimTrailingDots(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == '.') {
            end--;
        }
        return name.substring(0, end);
    }

    /** A {@code true}/{@code false} header (case-insensitive); null when absent, 400 InvalidHeaderValue otherwise. */
    public static Boolean booleanHeader(ServiceRequest request, String name) {
        String value = request.header(name);
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ServiceError.invalidHeaderValue(name, value);
        };
    }
}
