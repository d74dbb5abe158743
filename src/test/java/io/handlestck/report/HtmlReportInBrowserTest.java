package io.handlestck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.run.KitRunner;
import io.handlestck.kit.run.RunListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html rendered by real headless Chromium: what a reader sees must be what report.json says. */
class HtmlReportInBrowserTest {

    private static final Pattern CELL = Pattern.compile("<td ([^>]*)>([^<]*)</td>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    @TempDir
    static Path dir;
    static JsonNode json;
    static String dom;

    @BeforeAll
    static void renderOnce() throws Exception {
        new ReportWriter(List.of(SampleRuns.KEY), false).write(SampleRuns.everyStatus(), dir, null);
        json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        dom = HeadlessChromium.dumpDom(dir.resolve("report.html").toUri().toString());
    }

    @Test
    void summaryCountsShownEqualThoseOfReportJson() {
        Map<String, Integer> expected = new HashMap<>();
        for (JsonNode c : json.get("cases")) {
            expected.merge(c.get("level").asText() + "/" + c.get("status").asText(), 1, Integer::sum);
            expected.merge("ALL/" + c.get("status").asText(), 1, Integer::sum);
        }
        Map<String, Integer> shown = new HashMap<>();
        for (Map<String, String> cell : cells("count")) {
            shown.put(cell.get("data-level") + "/" + cell.get("data-status"), Integer.parseInt(cell.get("text")));
        }
        assertThat(shown).hasSize(4 * 8);
        shown.forEach((key, count) -> assertThat(count).as(key).isEqualTo(expected.getOrDefault(key, 0)));
        assertThat(cells("total")).filteredOn(cell -> cell.get("data-level").equals("ALL"))
                .singleElement().extracting(cell -> cell.get("text")).isEqualTo(String.valueOf(json.get("cases").size()));
    }

    @Test
    void passRatePerLevelIsPassedOverDecided() {
        for (Map<String, String> cell : cells("rate")) {
            String level = cell.get("data-level");
            int pass = 0;
            int decided = 0;
            for (JsonNode c : json.get("cases")) {
                String status = c.get("status").asText();
                if ((level.equals("ALL") || c.get("level").asText().equals(level))
                        && !status.equals("NOT_APPLICABLE") && !status.equals("DISABLED")) {
                    decided++;
                    pass += status.equals("PASS") ? 1 : 0;
                }
            }
            assertThat(cell.get("text")).as(level).isEqualTo(String.format(Locale.ROOT, "%.1f %%", 100.0 * pass / decided));
        }
    }

    @Test
    void everyCaseIsListedAndRecordedMarkupStaysText() {
        assertThat(Pattern.compile("<details class=\"case").matcher(dom).results().count())
                .isEqualTo(json.get("cases").size());
        assertThat(dom).contains("(" + json.get("cases").size() + " of " + json.get("cases").size() + " shown)");
        assertThat(dom).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(dom).contains("class=\"verdict red\">FAILED<");
    }

    @Test
    void statusAndClassFiltersFromTheAddressHideTheOtherCases() throws Exception {
        String filtered = HeadlessChromium.dumpDom(dir.resolve("report.html").toUri() + "#status=FAIL,WARN&class=force-close-handles");
        long expected = 0;
        for (JsonNode c : json.get("cases")) {
            String status = c.get("status").asText();
            if ((status.equals("FAIL") || status.equals("WARN")) && c.get("conformanceClass").asText().equals("force-close-handles")) {
                expected++;
            }
        }
        long visible = Pattern.compile("<details class=\"case\"").matcher(filtered).results().count();
        assertThat(expected).isPositive();
        assertThat(visible).isEqualTo(expected);
        assertThat(filtered).contains("(" + expected + " of " + json.get("cases").size() + " shown)");
    }

    @Test
    void countsOfARealRunAgainstTheEmbeddedServerMatchItsReportJson(@TempDir Path realDir) throws Exception {
        RunReport run = KitRunner.run(KitConfig.resolve(Map.of("cases", "FCH-001,LH-001"), new Properties(), Map.of(), null),
                RunListener.SILENT);
        new ReportWriter(List.of(), false).write(run, realDir, null);
        JsonNode realJson = new ObjectMapper().readTree(realDir.resolve("report.json").toFile());
        String realDom = HeadlessChromium.dumpDom(realDir.resolve("report.html").toUri().toString());

        Map<String, Integer> expected = new HashMap<>();
        realJson.get("summary").fields().forEachRemaining(count -> expected.put(count.getKey(), count.getValue().asInt()));
        assertThat(expected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(realJson.get("cases").size()).isPositive();
        List<Map<String, String>> allLevels = cells(realDom, "count").stream()
                .filter(cell -> cell.get("data-level").equals("ALL")).toList();
        assertThat(allLevels).hasSize(8).allSatisfy(cell -> assertThat(Integer.parseInt(cell.get("text")))
                .as(cell.get("data-status")).isEqualTo(expected.getOrDefault(cell.get("data-status"), 0)));
        assertThat(realDom).contains(realJson.get("target").get("endpoint").asText());
    }

    @Test
    void anOpenedCaseShowsItsMessageSourcesAndScrubbedExchanges() throws Exception {
        String opened = HeadlessChromium.dumpDom(dir.resolve("report.html").toUri() + "#open=FCH-004");
        JsonNode fch004 = null;
        for (JsonNode c : json.get("cases")) {
            if (c.get("id").asText().equals("FCH-004")) {
                fch004 = c;
            }
        }
        assertThat(fch004).isNotNull();
        int start = opened.indexOf("<details class=\"case\" data-id=\"FCH-004\"");
        assertThat(start).isNotNegative();
        int next = opened.indexOf("<details class=\"case", start + 1);
        String details = opened.substring(start, next < 0 ? opened.length() : next);
        assertThat(details).contains(" open=\"\"")
                .contains(fch004.get("sources").get(0).get("ref").asText())
                .contains(fch004.get("sources").get(0).get("text").asText())
                .contains("Cleanup problems").contains(fch004.get("cleanupProblems").get(0).asText())
                .contains("HTTP exchanges (1)")
                .contains("Authorization: SharedKey devstoreaccount1:&lt;scrubbed&gt;")
                .contains("x-ms-number-of-handles-closed: 1")
                .doesNotContain(SampleRuns.KEY).doesNotContain(SampleRuns.SIGNATURE);
        // The other cases stay closed and empty until opened.
        assertThat(opened.split(" open=\"\"", -1)).hasSize(2);
    }

    /** The {@code <td>} cells with the given class, as attribute maps plus their {@code text}. */
    private static List<Map<String, String>> cells(String cssClass) {
        return cells(dom, cssClass);
    }

    private static List<Map<String, String>> cells(String dom, String cssClass) {
        Matcher cell = CELL.matcher(dom);
        List<Map<String, String>> out = new java.util.ArrayList<>();
        while (cell.find()) {
            Map<String, String> attributes = new HashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(cell.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            if (List.of(attributes.getOrDefault("class", "").split(" ")).contains(cssClass)) {
                attributes.put("text", cell.group(2));
                out.add(attributes);
            }
        }
        return out;
    }
}
