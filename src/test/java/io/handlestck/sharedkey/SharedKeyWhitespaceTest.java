package io.handlestck.sharedkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A header value is canonicalized with every whitespace run as one space, exactly as {@code \s+} replaced would. */
class SharedKeyWhitespaceTest {

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    @Test
    void runsOfAnyWhitespaceBecomeOneSpaceAndSingleSpacesStay() {
        assertThat(SharedKey.collapsedWhitespace("Wed, 2 Dec 2026 04:59:26 GMT")).isEqualTo("Wed, 2 Dec 2026 04:59:26 GMT");
        assertThat(SharedKey.collapsedWhitespace("a  b\tc\r\n d\u000Be\ff")).isEqualTo("a b c d e f");
        assertThat(SharedKey.collapsedWhitespace("a\u00a0 \u2003b")).as("only \\s, not Unicode spaces").isEqualTo("a\u00a0 \u2003b");
        assertThat(SharedKey.collapsedWhitespace("")).isEmpty();
    }

    @Test
    void agreesWithTheRegexOnRandomText() {
        Random random = new Random(14);
        char[] alphabet = {'a', 'Z', '0', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00a0', ',', 'é'};
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(text);
            assertThat(SharedKey.collapsedWhitespace(value)).as(value).isEqualTo(WHITESPACE_RUN.matcher(value).replaceAll(" "));
        }
    }
}
