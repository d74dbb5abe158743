package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handlestck.kit.preflight.Preflight;
import io.handlestck.report.PreflightText;
import io.handlestck.server.ReferenceServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} against a target whose every request is refused: the finding comes first in the terminal
 * and in all four reports, the results point to it, and no report says "403 null". And {@code --fail-on}.
 */
class RunPreflightAndGatesTest {

    static ReferenceServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = ReferenceServer.builder().port(0).build().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aWrongKeyIsSaidOnceAtTheTopAndTheResultsPointToIt() throws Exception {
        Path reports = dir.resolve("wrong-key");
        String wrongKey = Base64.getEncoder().encodeToString("a key of another account".getBytes(StandardCharsets.UTF_8));

        Cli.Result result = Cli.run("run", "--endpoint", server.endpoint().toString(), "--account", server.account(),
                "--key", wrongKey, "--case", "FCH-001,PRO-001,PRO-004", "--provisioner", "none", "--report-dir", reports.toString());

        String finding = "every request is refused with 403 AuthenticationFailed: check the account name and key";
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.outLines().get(1)).isEqualTo("Preflight PROBLEM: " + finding);
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertThat(report.get("preflight").get("ok").asBoolean()).isFalse();
        assertThat(report.get("preflight").get("finding").asText()).isEqualTo(finding);
        assertThat(report.get("cases")).isNotEmpty();
        long pointing = 0;
        for (JsonNode c : report.get("cases")) {
            if (Preflight.POINTER.equals(c.path("message").asText())) {
                pointing++;
            }
        }
        assertThat(pointing).as("results that failed on Create Share 403 point to the preflight").isPositive();
        assertThat(result.out()).contains("FAILED").doesNotContain("PASSED");
        for (String file : List.of("report.json", "report.html", "report.md", "junit.xml")) {
            String text = Files.readString(reports.resolve(file));
            assertThat(text).as(file).contains(finding).doesNotContainPattern("\\b\\d{3} null\\b");
        }
        assertThat(Files.readString(reports.resolve("junit.xml")))
                .contains("<property name=\"" + PreflightText.FINDING_PROPERTY + "\" value=\"" + finding + "\"/>");
        assertThat(Files.readString(reports.resolve("report.md")).lines().limit(5))
                .contains("> **Preflight PROBLEM: " + finding + "**");
    }

    @Test
    void failOnMakesAStatusFailTheRunAndTheDefaultStaysAsItIs() {
        String[] couldNotTest = {"run", "--case", "FCH-001", "--provisioner", "none"};

        Cli.Result byDefault = Cli.run(concat(couldNotTest, "--report-dir", dir.resolve("default").toString()));
        Cli.Result gated = Cli.run(concat(couldNotTest, "--report-dir", dir.resolve("gated").toString(),
                "--fail-on", "warn,could-not-test"));

        assertThat(byDefault.out()).contains("COULD_NOT_TEST");
        assertThat(byDefault.exitCode()).as(byDefault.out()).isZero();
        assertThat(gated.exitCode()).as(gated.out()).isEqualTo(1);
        assertThat(gated.out()).contains("  COULD_NOT_TEST FCH-001 [file]").contains("FAILED");
    }

    @Test
    void anUnknownFailOnLevelOrVersionIsOneLineAndExit2() {
        Cli.Result level = Cli.run("run", "--fail-on", "sometimes", "--report-dir", dir.resolve("bad").toString());
        Cli.Result version = Cli.run("run", "--x-ms-version", "2019-02-02,2016-01-01", "--report-dir",
                dir.resolve("bad").toString());

        assertThat(level.exitCode()).isEqualTo(2);
        assertThat(level.err().strip()).doesNotContain("\n").contains("--fail-on takes warn, not-implemented,"
                + " could-not-test, fail, not 'sometimes'");
        assertThat(version.exitCode()).isEqualTo(2);
        assertThat(version.err().strip()).doesNotContain("\n").contains("'2016-01-01' is not a version the kit knows");
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
