package io.handlestck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import io.handlestck.kit.result.RunReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code report.json}: the machine-readable form of a run, and the one the other reports, {@code
 * compare} and {@code --baseline} read back. Its shape is {@link RunReport} plus a {@code format}
 * marker, documented by {@code report.schema.json} next to this class.
 */
public final class ReportJson {

    /** Names the shape of the file, so a later kit can tell an old report from a new one. */
    public static final String FORMAT = "handles-tck-report/1";
    public static final String FILE_NAME = "report.json";
    /** The JSON Schema of {@code report.json}, on the classpath. */
    public static final String SCHEMA_RESOURCE = "/io/handlestck/report/report.schema.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A report written by a newer kit with more fields must still be comparable.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    /** The report as a JSON tree, {@code format} first. */
    public static ObjectNode toTree(RunReport report) {
        ObjectNode tree = MAPPER.createObjectNode().put("format", FORMAT);
        tree.setAll((ObjectNode) MAPPER.valueToTree(report));
        return tree;
    }

    public static String toJson(RunReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report as JSON that is safe to place inside an HTML {@code <script>} element: {@code <},
     * {@code >} and {@code &} are written as {@code \\u} escapes, so no recorded response body can
     * close the element or start markup.
     */
    public static String toJsonForHtml(RunReport report) {
        StringWriter out = new StringWriter();
        try {
            writeForHtml(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * {@link #toJsonForHtml} straight into {@code out}, which stays open: a run's JSON is megabytes, and
     * the page around it is written into the same writer.
     */
    static void writeForHtml(RunReport report, Writer out) throws IOException {
        ObjectWriter writer = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).with(new HtmlSafeEscapes());
        try (JsonGenerator json = writer.createGenerator(out)) {
            writeFormatted(report, json);
        }
    }

    /** Streams the report into the file: no string of the whole report is built on the way. */
    public static void write(RunReport report, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator json = MAPPER.writer().createGenerator(out)) {
            writeFormatted(report, json);
        }
    }

    /**
     * The same JSON as {@link #toTree}, streamed: {@code format} first, then the report's own fields,
     * without building the tree of a run's megabytes first.
     */
    private static void writeFormatted(RunReport report, JsonGenerator json) throws IOException {
        SerializerProvider provider = MAPPER.getSerializerProviderInstance();
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        provider.findValueSerializer(RunReport.class).unwrappingSerializer(NameTransformer.NOP)
                .serialize(report, json, provider);
        json.writeEndObject();
    }

    /** Reads a report written by {@link #write}; a file that is not one fails with a message naming it. */
    public static RunReport read(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject() || !FORMAT.equals(tree.path("format").asText())) {
            throw new IOException(file + " is not a Handles TCK report (no \"format\": \"" + FORMAT + "\")");
        }
        return MAPPER.treeToValue(tree, RunReport.class);
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Instant.parse(parser.getValueAsString());
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028 and U+2029 end a line in older JavaScript parsers. Characters HTML cannot carry
            // (C1 controls, U+FFFE, U+FFFF, surrogates, which a lone one would leave as invalid UTF-8)
            // stay intact for the page's script as \\u escapes.
            boolean escaped = ch == 0x2028 || ch == 0x2029 || Character.isSurrogate((char) ch)
                    || !CarriableText.carriable((char) ch);
            return escaped ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
