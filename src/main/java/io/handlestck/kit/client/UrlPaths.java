package io.handlestck.kit.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Percent-encoding of share, directory and file names for the wire. The kit encodes itself (REST
 * Assured's URL encoding is off) because the signature covers the path exactly as sent: what is
 * signed and what is sent must be one string.
 */
public final class UrlPaths {

    private UrlPaths() {
    }

    /** Encodes one name; everything but RFC 3986 unreserved characters becomes UTF-8 {@code %XX}. */
    public static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Encodes a {@code /}-separated path name by name; the separators stay. */
    public static String encodePath(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        return Arrays.stream(path.split("/", -1)).map(UrlPaths::encodeSegment).collect(Collectors.joining("/"));
    }
}
