package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.result.RunReport;
import io.handlestck.report.ReportJson;
import io.handlestck.report.ReportWriter;
import io.handlestck.report.RunSummary;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the kit itself throws, {@code run} still writes a valid report that says why, and the run is red. */
class CrashReportTest {

    @TempDir
    Path dir;

    @Test
    void aCrashBecomesAValidRedReportWithTheReason() throws Exception {
        String key = "c29tZS1hY2NvdW50LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";
        KitConfig config = KitConfig.resolve(Map.of("endpoint", "http://127.0.0.1:10004/devstoreaccount1",
                "account", "devstoreaccount1", "key", key), new Properties(), Map.of(), null);

        RunReport crashed = RunCommand.crashReport(config, Instant.now(),
                new IllegalStateException("catalogue unreadable; key was " + key));
        new ReportWriter(List.of(key), false).write(crashed, dir, null);

        assertThat(new RunSummary(crashed).green(false)).isFalse();
        JsonNode json = new ObjectMapper().readTree(dir.resolve(ReportJson.FILE_NAME).toFile());
        try (InputStream schema = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json))
                    .isEmpty();
        }
        assertThat(json.get("error").asText()).startsWith("the kit crashed").contains("catalogue unreadable");
        assertThat(json.get("target").get("endpoint").asText()).isEqualTo("http://127.0.0.1:10004/devstoreaccount1");
        for (String file : List.of("report.json", "report.html", "report.md")) {
            assertThat(Files.readString(dir.resolve(file))).as(file).doesNotContain(key);
        }
        assertThat(Files.readString(dir.resolve("report.md"))).contains("**FAILED**").contains("The run broke");
    }
}
