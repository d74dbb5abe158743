package io.handlestck.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Exchange;
import io.handlestck.kit.result.Status;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * How a case's result reaches whoever runs the cases: as JUnit report entries of the case's own test,
 * the channel the platform already has. {@value #RESULT_ENTRY} carries the whole {@link CaseResult}
 * as JSON (the kit's runner reads it in its {@code TestExecutionListener}); {@value #STATUS_ENTRY}
 * carries the status alone, for IDEs and a user's {@code @Suite}.
 */
public final class CaseResults {

    /** The key of the report entry that carries a case's status. */
    public static final String STATUS_ENTRY = "handlestck.status";
    /** The key of the report entry that carries a case's whole result, as JSON. */
    public static final String RESULT_ENTRY = "handlestck.result";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CaseResults() {
    }

    /** Publishes {@code result} on the test {@code context} stands for. */
    static void publish(ExtensionContext context, CaseResult result) {
        try {
            context.publishReportEntry(Map.of(RESULT_ENTRY, JSON.writeValueAsString(result),
                    STATUS_ENTRY, result.status().name()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of " + result.id() + " as JSON", e);
        }
    }

    /** The result an entry carries, if it is a kit result entry. */
    public static Optional<CaseResult> read(ReportEntry entry) {
        String json = entry.getKeyValuePairs().get(RESULT_ENTRY);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, CaseResult.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kit result entry is not a result: " + e.getMessage(), e);
        }
    }

    /**
     * A result of {@code entry}, tracing it to its catalogue file and to {@code method} (null when no
     * method carries the id).
     */
    public static CaseResult of(CatalogueEntry entry, Method method, Status status, String variant, String displayName,
                                long millis, String message, List<String> cleanupProblems, List<Exchange> exchanges) {
        return new CaseResult(entry.id(), entry.title(), entry.conformanceClass(), entry.level(), status,
                entry.sources(), variant, displayName, millis, message,
                List.copyOf(cleanupProblems), new ArrayList<>(exchanges), "suites/" + entry.conformanceClass() + ".yaml",
                method == null ? null : method.getDeclaringClass().getName(), method == null ? null : method.getName());
    }
}
