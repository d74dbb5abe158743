package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every report of a real run over the kit's own variant names is readable by a strict reader. The
 * names cases are the ones whose variants hold characters XML 1.0 cannot carry (NM-006: U+FFFE,
 * U+FFFF); once those broke junit.xml for every CI server that read it.
 */
class ReportsCarryEveryNameTest {

    private static final String NAMES_CASES = "NM-001,NM-002,NM-003,NM-004,NM-005,NM-006,NM-007,NM-008";

    @TempDir
    static Path dir;

    @BeforeAll
    static void runTheNamesCasesAndCompare() {
        Cli.Result run = Cli.run("run", "--case", NAMES_CASES, "--report-dir", dir.resolve("run").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Path report = dir.resolve("run/report.json");
        Cli.Result compare = Cli.run("compare", report.toString(), report.toString(), "--out", dir.resolve("compare").toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
    }

    @Test
    void junitXmlParsesAsXml10AndShowsTheUncarriableCharacterVisibly() throws Exception {
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("run/junit.xml").toFile());

        List<String> names = new ArrayList<>();
        NodeList testCases = junit.getElementsByTagName("testcase");
        for (int i = 0; i < testCases.getLength(); i++) {
            names.add(((Element) testCases.item(i)).getAttribute("name"));
        }
        assertThat(names).anyMatch(name -> name.startsWith("NM-006") && name.contains("enc\\uFFFEdir"))
                .anyMatch(name -> name.contains("a\\uFFFE/b\\uFFFF/c.txt"));
    }

    @Test
    void reportHtmlIsStrictUtf8WithoutNoncharactersAndItsDataKeepsTheExactNames() throws Exception {
        String html = strictUtf8(dir.resolve("run/report.html"));
        assertThat(uncarriable(html)).isEmpty();

        int start = html.indexOf("<script type=\"application/json\" id=\"report-data\">");
        int end = html.indexOf("</script>", start);
        String data = html.substring(html.indexOf('>', start) + 1, end);
        JsonNode report = new ObjectMapper().readTree(data);
        // The page's data carries the real names (as JSON escapes), so its script shows exactly them.
        assertThat(report.path("cases").toString()).contains("enc\uFFFEdir").contains("a\uFFFE/b\uFFFF/c.txt");
    }

    @Test
    void markdownAndComparisonPagesHoldNoCharacterXmlOrHtmlCannotCarry() throws Exception {
        for (Path file : List.of(dir.resolve("run/report.md"), dir.resolve("compare/compare.html"),
                dir.resolve("compare/compare.md"))) {
            assertThat(uncarriable(strictUtf8(file))).as(file.toString()).isEmpty();
        }
    }

    private static String strictUtf8(Path file) throws Exception {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
    }

    /** Code points XML 1.0 forbids, plus the C1 controls HTML calls a parse error, as U+ strings. */
    private static List<String> uncarriable(String text) {
        List<String> found = new ArrayList<>();
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp < 0x7F || cp > 0x9F && cp < 0xD800
                    || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
            if (!allowed) {
                found.add(String.format("U+%04X", cp));
            }
        });
        return found;
    }
}
