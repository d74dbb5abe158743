package io.handlestck.server.xml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Which characters XML 1.0 can carry, and the percent-encoding the service falls back to for those it cannot. */
public final class XmlText {

    private XmlText() {
    }

    /** True when every code point is allowed by the XML 1.0 {@code Char} production. */
    public static boolean isXmlSafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!isXmlChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /**
     * Percent-encodes the UTF-8 bytes of each {@code /}-separated segment, as the service does for a
     * {@code <Path Encoded="true">} (a U+FFFE becomes {@code %EF%BF%BE}); spaces become {@code %20}.
     */
    public static String percentEncodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** A header or query value echoed in an error detail: characters XML cannot carry become U+FFFD, never a broken body. */
    static String escapeInvalid(String text) {
        if (isXmlSafe(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(isXmlChar(c) ? c : 0xFFFD));
        return out.toString();
    }
}
