package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.handlestck.report.ReportJson;
import io.handlestck.server.ReferenceServer;
import io.handlestck.server.defects.Defect;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} end to end against reference servers started in-process: one behaving, one with a
 * defect the selected cases catch. Both use a fresh random key, so that finding it in a report
 * means a leak, not a coincidence with the public emulator key.
 */
class RunCommandTest {

    /** WILDCARD_CLOSES_ONE breaks FCH-002 ("*" closes every handle of a file); FCH-001 (a single id) is untouched. */
    static final Defect DEFECT = Defect.WILDCARD_CLOSES_ONE;
    static final String CASES = "FCH-001,FCH-002";
    static final String KEY = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(64));

    static ReferenceServer good;
    static ReferenceServer broken;
    /** Certification runs against each server, shared by the tests that only read their outcome. */
    static Cli.Result goodRun;
    static Cli.Result brokenRun;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startServersAndRunOnce() throws Exception {
        good = ReferenceServer.builder().key(KEY).build().start();
        broken = ReferenceServer.builder().key(KEY).defect(DEFECT).build().start();
        goodRun = run(good, dir.resolve("good"), "--certify");
        brokenRun = run(broken, dir.resolve("broken"), "--certify");
    }

    @AfterAll
    static void stopServers() {
        good.close();
        broken.close();
    }

    @Test
    void runAgainstTheEmbeddedServerWritesTheFourReportsAndExits0() throws Exception {
        Path reports = dir.resolve("embedded");

        Cli.Result result = Cli.run("run", "--case", CASES, "--report-dir", reports.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(listing(reports)).containsExactlyInAnyOrder("report.json", "report.html", "report.md", "junit.xml");
        JsonNode report = json(reports.resolve("report.json"));
        assertThat(schemaProblems(report)).isEmpty();
        assertThat(report.get("cases")).isNotEmpty().allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("PASS"));
        // One progress line per case variant, then the summary table.
        assertThat(result.outLines().stream().filter(line -> line.matches("\\[ *\\d+/\\d+] FCH-00[12] .+ \\.\\.\\. PASS \\d+ ms")))
                .hasSize(report.get("cases").size());
        assertThat(result.out()).containsPattern("(?m)^required\\s+\\d+\\s+\\d+").contains("PASSED");
        // junit.xml names each test case by its display name: case id and target, unique.
        String endpoint = report.get("target").get("endpoint").asText();
        List<String> names = java.util.regex.Pattern.compile("<testcase [^>]*?\\bname=\"([^\"]*)\"")
                .matcher(Files.readString(reports.resolve("junit.xml"))).results().map(match -> match.group(1)).toList();
        assertThat(names).hasSize(report.get("cases").size()).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("FCH-00[12] .*").contains(endpoint));
    }

    @Test
    void runAgainstADefectExits1AndNamesTheFailedCase() throws Exception {
        assertThat(brokenRun.exitCode()).isEqualTo(1);
        assertThat(brokenRun.out()).containsPattern("(?m)^  FAIL FCH-002").contains("FAILED");
        assertThat(Files.readString(dir.resolve("broken/report.md"))).contains("**FAILED**").contains("| FCH-002");
    }

    @Test
    void noReportFileHoldsTheKeyOrASignature() throws Exception {
        for (Path reports : List.of(dir.resolve("good"), dir.resolve("broken"))) {
            try (Stream<Path> files = Files.walk(reports)) {
                List<Path> written = files.filter(Files::isRegularFile).toList();
                assertThat(written).hasSize(4 + 6);
                for (Path file : written) {
                    String text = Files.readString(file);
                    assertThat(text).as(file.toString())
                            .doesNotContain(KEY)
                            .doesNotContain(java.net.URLEncoder.encode(KEY, java.nio.charset.StandardCharsets.UTF_8))
                            .doesNotContainPattern("SharedKey(Lite)? [^:\\s\"]+:(?!<scrubbed>|\\\\u003Cscrubbed)")
                            .doesNotContainPattern("[?&]sig=(?!<scrubbed>|\\\\u003Cscrubbed)");
                }
            }
            assertThat(Files.readString(reports.resolve("report.json"))).contains("SharedKey devstoreaccount1:<scrubbed>");
        }
    }

    @Test
    void compareShowsExactlyTheCasesWhoseStatusDiffers() throws Exception {
        Path goodReport = dir.resolve("good/report.json");
        Path brokenReport = dir.resolve("broken/report.json");
        Path out = dir.resolve("compare");

        Cli.Result result = Cli.run("compare", goodReport.toString(), brokenReport.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        Set<String> expected = differingKeys(json(goodReport), json(brokenReport));
        assertThat(expected).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith("FCH-002"));
        Set<String> shown = new TreeSet<>();
        for (String line : result.outLines()) {
            if (line.startsWith("  ")) {
                shown.add(line.strip().split("\t")[0]);
            }
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(result.out()).contains(expected.size() + " of ");
        String markdown = Files.readString(out.resolve("compare.md"));
        assertThat(markdown.lines().filter(line -> line.endsWith("**yes** |")).count()).isEqualTo(expected.size());
        String html = Files.readString(out.resolve("compare.html"));
        assertThat(html).contains("data-differences=\"" + expected.size() + "\"");
        assertThat(html.split("<tr class=\"differs\"", -1)).hasSize(expected.size() + 1);
    }

    @Test
    void baselineFailsOnlyOnRegressions() throws Exception {
        Cli.Result regressed = run(broken, dir.resolve("baseline-1"), "--baseline", dir.resolve("good/report.json").toString());
        assertThat(regressed.exitCode()).isEqualTo(1);
        assertThat(regressed.out()).containsPattern("(?m)^  REGRESSION FCH-002.*PASS -> FAIL");

        // The same failure against a baseline that already had it is no regression: green.
        Cli.Result known = run(broken, dir.resolve("baseline-2"), "--baseline", dir.resolve("broken/report.json").toString());
        assertThat(known.exitCode()).as(known.out()).isZero();
        assertThat(known.out()).contains("0 regressions");
    }

    @Test
    void certifyWritesASubmissionThatReproducesTheRunWithoutTheKey() throws Exception {
        assertThat(goodRun.exitCode()).as(goodRun.out()).isZero();
        Path submission = dir.resolve("good/submission");
        assertThat(listing(submission)).containsExactlyInAnyOrder("PRODUCT.yaml", "README.md", "report.json",
                "report.html", "report.md", "junit.xml");
        String readme = Files.readString(submission.resolve("README.md"));
        assertThat(readme).contains("java -jar handles-tck.jar run --endpoint " + good.endpoint()
                        + " --account devstoreaccount1 --case " + CASES)
                .contains("--certify").contains("HANDLESTCK_KEY").doesNotContain(KEY);
        String product = Files.readString(submission.resolve("PRODUCT.yaml"));
        assertThat(product).contains("result: \"PASSED\"").contains("endpoint: \"" + good.endpoint() + "\"");
        assertThat(Files.readString(dir.resolve("broken/submission/PRODUCT.yaml"))).contains("result: \"FAILED\"");
    }

    @Test
    void certifyCountsARequiredCaseThatCouldNotBeTestedAsAFailure() throws Exception {
        Cli.Result plain = run(good, dir.resolve("none-plain"), "--provisioner", "none");
        Cli.Result certified = run(good, dir.resolve("none-certify"), "--provisioner", "none", "--certify");

        assertThat(plain.out()).contains("COULD_NOT_TEST");
        assertThat(plain.exitCode()).as(plain.out()).isZero();
        assertThat(certified.exitCode()).as(certified.out()).isEqualTo(1);
        assertThat(certified.out()).containsPattern("(?m)^  COULD_NOT_TEST FCH-00[12]");
    }

    @Test
    void anUnreachableTargetStillGetsAReportSayingWhy() throws Exception {
        Path reports = dir.resolve("unreachable");

        Cli.Result result = Cli.run("run", "--endpoint", "http://127.0.0.1:1/devstoreaccount1", "--account",
                "devstoreaccount1", "--key", KEY, "--case", CASES, "--report-dir", reports.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode report = json(reports.resolve("report.json"));
        assertThat(schemaProblems(report)).isEmpty();
        boolean runError = report.hasNonNull("error");
        boolean casesErrored = report.get("cases").size() > 0;
        report.get("cases").forEach(c -> assertThat(c.get("status").asText()).isEqualTo("ERROR"));
        assertThat(runError || casesErrored).as("the report says why: run error or ERROR cases").isTrue();
        assertThat(Files.readString(reports.resolve("report.md"))).contains("FAILED");
    }

    private static Cli.Result run(ReferenceServer server, Path reports, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--endpoint", server.endpoint().toString(),
                "--account", server.account(), "--key", server.key(), "--case", CASES, "--report-dir", reports.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static Set<String> differingKeys(JsonNode a, JsonNode b) {
        Map<String, String> before = statuses(a);
        Map<String, String> after = statuses(b);
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(key -> java.util.Objects.equals(before.get(key), after.get(key)));
        return keys;
    }

    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode c : report.get("cases")) {
            String variant = c.path("variant").asText("");
            statuses.put(variant.isBlank() ? c.get("id").asText() : c.get("id").asText() + " [" + variant + "]",
                    c.get("status").asText());
        }
        return statuses;
    }

    private static Set<ValidationMessage> schemaProblems(JsonNode report) throws Exception {
        try (InputStream schema = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build())
                    .validate(report);
        }
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static List<String> listing(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        }
    }
}
