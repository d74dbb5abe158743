package io.handlestck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** junit.xml comes from JUnit's own listener, with test names that say case, variant and target. */
class JUnitXmlReportTest {

    @TempDir
    Path work;
    @TempDir
    Path reports;

    @Test
    void testCasesAreNamedByDisplayNameAndKeepJUnitsOutcomes() throws Exception {
        Document junit = runSampleCases();

        Element suite = junit.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");

        List<String> names = new ArrayList<>();
        NodeList testCases = junit.getElementsByTagName("testcase");
        for (int i = 0; i < testCases.getLength(); i++) {
            names.add(((Element) testCases.item(i)).getAttribute("name"));
        }
        assertThat(names).doesNotHaveDuplicates().hasSize(5)
                .allSatisfy(name -> assertThat(name).matches("\\[FCH-00[12]] .+ \\[.+] @ " + SampleRuns.ENDPOINT))
                .contains("[FCH-001] a single id closes that handle [\"share root\"] @ " + SampleRuns.ENDPOINT);
    }

    @Test
    void noSecretSurvivesInAnyOfTheFourFiles() throws Exception {
        runSampleCases();

        List<Path> files;
        try (var listing = Files.list(reports)) {
            files = listing.toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder("report.json", "report.html", "report.md", "junit.xml");
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain(SampleRuns.KEY)
                    .doesNotContain(SampleRuns.SIGNATURE)
                    .doesNotContain(SampleRuns.SAS_SIGNATURE)
                    // report.html embeds the run as JSON with < escaped.
                    .doesNotContainPattern("SharedKey [^:\\s]+:(?!<scrubbed>|\\\\u003Cscrubbed)");
        }
        assertThat(Files.readString(reports.resolve("report.json")))
                .contains("SharedKey devstoreaccount1:<scrubbed>").contains("sig=<scrubbed>");
    }

    @Test
    void keyOnTheJavaCommandLineIsScrubbedFromJUnitsPropertyDump() throws Exception {
        // JUnit writes every system property into junit.xml; sun.java.command holds `run --key KEY` when
        // the kit is started from the jar. A stand-in property plays its part here.
        String property = "handlestck.test.command";
        System.setProperty(property, "handles-tck.jar run --key " + SampleRuns.KEY + " --case FCH-001");
        try {
            runSampleCases();
        } finally {
            System.clearProperty(property);
        }

        String junit = Files.readString(reports.resolve(JUnitXmlReport.FILE_NAME));
        assertThat(junit).doesNotContain(SampleRuns.KEY)
                .contains("name=\"" + property + "\" value=\"handles-tck.jar run --key &lt;scrubbed&gt; --case FCH-001\"");
    }

    @Test
    void nothingIsWrittenWhenJUnitNeverRan() throws Exception {
        JUnitXmlReport junit = new JUnitXmlReport(work);
        assertThat(junit.writeTo(reports, new SecretScrubber(List.of()))).isFalse();
        assertThat(reports.resolve(JUnitXmlReport.FILE_NAME)).doesNotExist();
    }

    private Document runSampleCases() throws Exception {
        JUnitXmlReport junit = new JUnitXmlReport(work);
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(JUnitXmlSampleCases.class)).build(), junit.listeners());
        List<Path> written = new ReportWriter(List.of(SampleRuns.KEY), false)
                .write(SampleRuns.everyStatus(), reports, junit);
        assertThat(written).contains(reports.resolve(JUnitXmlReport.FILE_NAME));
        assertThat(junit.listenerErrors()).isEmpty();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve(JUnitXmlReport.FILE_NAME).toFile());
    }
}
