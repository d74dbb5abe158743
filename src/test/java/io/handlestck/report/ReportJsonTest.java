package io.handlestck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.handlestck.kit.result.RunReport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json against its documented JSON Schema, and read back as the run it came from. */
class ReportJsonTest {

    static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
            assertThat(in).as(ReportJson.SCHEMA_RESOURCE).isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    @Test
    void writtenReportMatchesTheSchema() throws Exception {
        new ReportWriter(List.of(SampleRuns.KEY), false).write(SampleRuns.everyStatus(), dir, null);
        JsonNode written = new ObjectMapper().readTree(dir.resolve(ReportJson.FILE_NAME).toFile());

        assertThat(schema.validate(written)).isEmpty();
        assertThat(written.get("format").asText()).isEqualTo(ReportJson.FORMAT);
        assertThat(written.get("cases")).hasSize(SampleRuns.everyStatus().cases().size());
    }

    @Test
    void reportOfABrokenRunMatchesTheSchema() throws Exception {
        RunReport broken = SampleRuns.run(List.of(), "target http://127.0.0.1:1/devstoreaccount1 unreachable: Connection refused");
        new ReportWriter(List.of(), false).write(broken, dir, null);

        JsonNode written = new ObjectMapper().readTree(dir.resolve(ReportJson.FILE_NAME).toFile());
        assertThat(schema.validate(written)).isEmpty();
        assertThat(written.get("error").asText()).contains("Connection refused");
    }

    @Test
    void schemaRejectsAnUnscrubbedSignatureAndAnUnknownStatus() {
        ObjectNode tree = ReportJson.toTree(SampleRuns.everyStatus());
        ObjectNode firstCase = (ObjectNode) tree.get("cases").get(0);
        firstCase.put("status", "MAYBE");
        ObjectNode exchange = (ObjectNode) firstCase.get("exchanges").get(0);
        ((ObjectNode) exchange.get("requestHeaders")).set("Authorization",
                new ObjectMapper().createArrayNode().add("SharedKey devstoreaccount1:" + SampleRuns.SIGNATURE));

        Set<ValidationMessage> problems = schema.validate(tree);

        assertThat(problems).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .anyMatch(location -> location.endsWith("/cases/0/status"))
                .anyMatch(location -> location.contains("/cases/0/exchanges/0/requestHeaders/Authorization"));
    }

    @Test
    void preflightAndResultVersionsAreWrittenAndChecked() throws Exception {
        new ReportWriter(List.of(SampleRuns.KEY), false).write(SampleRuns.everyStatus(), dir, null);
        ObjectNode written = (ObjectNode) new ObjectMapper().readTree(dir.resolve(ReportJson.FILE_NAME).toFile());
        assertThat(written.get("preflight").get("ok").asBoolean()).isFalse();
        assertThat(written.get("preflight").get("finding").asText()).startsWith("this endpoint does not implement");
        assertThat(written.get("preflight").toString()).doesNotContain(SampleRuns.KEY);
        assertThat(written.get("cases").get(0).get("xMsVersion").asText()).isEqualTo("2025-05-05");

        ObjectNode withoutFinding = written.deepCopy();
        ((ObjectNode) withoutFinding.get("preflight")).remove("finding");
        ObjectNode nullCode = written.deepCopy();
        ((ObjectNode) nullCode.get("preflight")).put("finding", "Create Share answered 400 null");
        ObjectNode badVersion = written.deepCopy();
        ((ObjectNode) badVersion.get("cases").get(0)).put("xMsVersion", "latest");

        assertThat(schema.validate(withoutFinding)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("finding"));
        assertThat(schema.validate(nullCode)).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .anyMatch(location -> location.endsWith("/preflight/finding"));
        assertThat(schema.validate(badVersion)).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .anyMatch(location -> location.endsWith("/cases/0/xMsVersion"));
    }

    @Test
    void readGivesBackTheRunThatWasWritten() throws Exception {
        RunReport run = new SecretScrubber(List.of(SampleRuns.KEY)).scrub(SampleRuns.everyStatus());
        Path file = dir.resolve(ReportJson.FILE_NAME);
        ReportJson.write(run, file);

        assertThat(ReportJson.read(file)).isEqualTo(run);
    }

    @Test
    void readRefusesAFileThatIsNotAReport() throws Exception {
        Path notAReport = dir.resolve("other.json");
        Files.writeString(notAReport, "{\"cases\": []}");
        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "<html>");

        assertThatThrownBy(() -> ReportJson.read(notAReport)).hasMessageContaining("is not a Handles TCK report");
        assertThatThrownBy(() -> ReportJson.read(notJson)).hasMessageContaining("is not valid JSON");
    }

    @Test
    void htmlSafeJsonCannotCloseTheScriptElement() {
        String json = ReportJson.toJsonForHtml(SampleRuns.everyStatus());
        assertThat(json).doesNotContain("</").doesNotContain("<script").contains("\\u003C");
        ArrayNode cases = (ArrayNode) ReportJson.toTree(SampleRuns.everyStatus()).get("cases");
        assertThat(cases.toString()).contains("<script>");
    }
}
