package io.handlestck.kit;

import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Exchange;
import io.handlestck.kit.result.Status;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How a case's result reaches whoever runs the cases: the kit's runner receives the whole
 * {@link CaseResult} from its session ({@link KitSession#deliverResultsTo}), in the case's own thread;
 * every run, with the runner or without (IDEs, a user's {@code @Suite}), also gets the status alone as a
 * JUnit report entry ({@value #STATUS_ENTRY}), the channel the platform already has.
 */
public final class CaseResults {

    /** The key of the report entry that carries a case's status. */
    public static final String STATUS_ENTRY = "handlestck.status";

    private CaseResults() {
    }

    /** Hands {@code result} to the session's runner, if any, and publishes its status on the test {@code context} stands for. */
    static void publish(ExtensionContext context, KitSession session, CaseResult result) {
        session.deliver(context.getUniqueId(), result);
        context.publishReportEntry(STATUS_ENTRY, result.status().name());
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
