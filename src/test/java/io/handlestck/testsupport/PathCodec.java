package io.handlestck.testsupport;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for URL paths and query components: every byte outside RFC 3986's unreserved set
 * is encoded, so a name with spaces, unicode or reserved characters reaches the server unambiguously
 * and the signed path is exactly the sent path.
 */
public final class PathCodec {

    private PathCodec() {
    }

    /** Encodes a {@code /}-separated resource path segment by segment, keeping the separators. */
    public static String encodePath(String decodedPath) {
        StringBuilder out = new StringBuilder();
        String[] segments = decodedPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encodeQueryComponent(segments[i]));
        }
        return out.toString();
    }

    /** Encodes one query name or value (or one path segment): spaces become {@code %20}, never {@code +}. */
    public static String encodeQueryComponent(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length() + 8);
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
