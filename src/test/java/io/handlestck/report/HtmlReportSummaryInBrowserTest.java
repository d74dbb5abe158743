package io.handlestck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five-second summary of report.html, in real headless Chromium: the first screen shows the pass
 * rate per conformance class as bars and the specification's seven behaviours; a run over several
 * x-ms-versions shows a case x version matrix. The screenshot is kept in target/screenshots/ to look at.
 */
class HtmlReportSummaryInBrowserTest {

    /** The colour of a full pass-rate bar ({@code --pass} in report.html). */
    private static final int PASS_GREEN = 0x1a7f37;
    /** Wider than any glyph or badge of that colour: only a bar draws a green line this long. */
    private static final int BAR_PIXELS = 150;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Test
    void theFirstScreenShowsPassRateBarsAndTheSevenBehaviours() throws Exception {
        new ReportWriter(List.of(SampleRuns.KEY), false).write(SampleRuns.everyStatus(), dir, null);
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve("report-summary.png");

        HeadlessChromium.screenshot(dir.resolve("report.html").toUri().toString(), png, 1280, 900);
        BufferedImage screen = ImageIO.read(png.toFile());

        assertThat(longestRun(screen, PASS_GREEN)).as("a full green pass-rate bar on the first screen of " + png)
                .isGreaterThanOrEqualTo(BAR_PIXELS);
        String dom = HeadlessChromium.dumpDom(dir.resolve("report.html").toUri().toString());
        assertThat(Pattern.compile("class=\"bar-row\" data-class=\"").matcher(dom).results().count())
                .as("one bar per conformance class of the run").isEqualTo(2);
        assertThat(attributeValues(dom, "<tr data-status=\"")).as("the seven behaviours, in the order of behaviours.json")
                .containsExactly("PASS", "FAIL", "FAIL", "COULD_NOT_TEST", "NOT_APPLICABLE", "NOT_APPLICABLE", "not run");
        assertThat(dom.indexOf("id=\"glance\"")).as("the summary comes before the details")
                .isLessThan(dom.indexOf("id=\"cases\"")).isPositive();
        assertThat(dom).contains("Preflight PROBLEM: this endpoint does not implement the Azure Files REST API");
    }

    @Test
    void aRunOverSeveralVersionsShowsTheCaseByVersionMatrix() throws Exception {
        RunReport oneVersion = SampleRuns.everyStatus();
        List<CaseResult> both = new ArrayList<>();
        Stream.of("2019-02-02", "2025-05-05").forEach(version ->
                oneVersion.cases().forEach(result -> both.add(result.atVersion(version))));
        new ReportWriter(List.of(), false).write(SampleRuns.run(both, null), dir, null);

        String dom = HeadlessChromium.dumpDom(dir.resolve("report.html").toUri().toString());

        long ids = oneVersion.cases().stream().map(CaseResult::id).distinct().count();
        assertThat(Pattern.compile("<td class=\"cell ").matcher(dom).results().count()).isEqualTo(ids * 2);
        assertThat(dom).contains("title=\"FCH-004 @ 2019-02-02: FAIL\"").contains("title=\"FCH-001 @ 2025-05-05: PASS\"")
                .doesNotContain("id=\"version-matrix\" class=\"hidden\"");
    }

    @Test
    void aRunAtOneVersionHasNoMatrix() throws Exception {
        new ReportWriter(List.of(), false).write(SampleRuns.everyStatus(), dir, null);
        String html = Files.readString(dir.resolve("report.html"));
        String dom = HeadlessChromium.dumpDom(dir.resolve("report.html").toUri().toString());
        assertThat(html).contains("id=\"version-matrix\" class=\"hidden\"");
        assertThat(dom).contains("id=\"version-matrix\" class=\"hidden\"").doesNotContain("<td class=\"cell ");
    }

    @Test
    void everyBehaviourNamesCasesOfTheCatalogue() throws Exception {
        JsonNode behaviours;
        try (InputStream in = HtmlReport.class.getResourceAsStream(HtmlReport.BEHAVIOURS_RESOURCE)) {
            behaviours = new ObjectMapper().readTree(in);
        }
        Catalogue catalogue = Catalogue.fromClasspath();
        assertThat(behaviours).hasSize(7);
        for (JsonNode behaviour : behaviours) {
            assertThat(behaviour.get("cases")).as(behaviour.get("behaviour").asText()).isNotEmpty()
                    .allSatisfy(id -> assertThat(catalogue.entry(id.asText())).as(id.asText()).isPresent());
        }
    }

    private static List<String> attributeValues(String dom, String prefix) {
        List<String> values = new ArrayList<>();
        for (int at = dom.indexOf(prefix); at >= 0; at = dom.indexOf(prefix, at + 1)) {
            int start = at + prefix.length();
            values.add(dom.substring(start, dom.indexOf('"', start)));
        }
        return values;
    }

    /** The longest horizontal line of pixels of exactly this colour. */
    private static int longestRun(BufferedImage image, int rgb) {
        int longest = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                run = (image.getRGB(x, y) & 0xFFFFFF) == rgb ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }
}
