package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --container} end to end: the CLI starts the reference server image, runs the kit
 * against its published port and stops it. Switched on like the other container tests ({@code .ci/run}
 * sets {@code handlestck.container.tests=true}); then a missing Docker or image fails it.
 */
@EnabledIfSystemProperty(named = "handlestck.container.tests", matches = "true",
        disabledReason = "CONTAINER TESTS SKIPPED: needs Docker and the reference server image;"
                + " run docker/ci-docker.sh, then mvn -B verify -Dhandlestck.container.tests=true")
class RunContainerCommandIT {

    @Test
    void runContainerCertifiesTheImageAndNamesItInTheReport(@TempDir Path reports) throws Exception {
        Cli.Result result = Cli.run("run", "--container", "--case", "FCH-001,FCH-002", "--report-dir", reports.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertThat(report.get("target").get("product").asText()).startsWith("Handles TCK reference server (")
                .contains("reference-server");
        assertThat(report.get("target").get("endpoint").asText()).matches("http://[0-9.]+:\\d+/devstoreaccount1");
        assertThat(report.get("cases")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("PASS"));
    }
}
