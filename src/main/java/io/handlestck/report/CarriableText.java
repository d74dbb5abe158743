package io.handlestck.report;

/**
 * Text that any XML 1.0 or HTML reader accepts. Display names and messages may hold characters those
 * formats cannot carry (NM-006 names a directory with U+FFFE), and one such character makes a whole
 * junit.xml unreadable. Each of them is written as a visible {@code \\uXXXX} instead, so the reader
 * still sees which character it was.
 *
 * <p>XML 1.0 allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and paired
 * surrogates. HTML additionally calls the C1 controls U+007F–U+009F a parse error, so those are
 * written visibly as well.
 */
public final class CarriableText {

    private CarriableText() {
    }

    /** {@code text} with every character XML 1.0 or HTML cannot carry replaced by {@code \\uXXXX}; null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedHigh) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (carriable(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(String.format("\\u%04X", (int) c));
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@code c}, standing alone (not half of a surrogate pair), may appear in XML 1.0 and HTML text. */
    static boolean carriable(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        return c >= 0x20 && c < 0x7F || c > 0x9F && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD;
    }
}
