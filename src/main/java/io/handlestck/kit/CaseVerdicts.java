package io.handlestck.kit;

import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Status;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns how a case invocation ended into the kit's {@link Status}, cleans up after it, and publishes
 * its result ({@link CaseResults}). Registered by {@link HandlesTckCases}; cases never use it directly.
 *
 * <ul>
 *   <li>Before the body: {@link CaseGate#preconditions}.</li>
 *   <li>From the body: an {@link AssertionError} is FAIL for {@code required} and {@code optional}
 *       entries and WARN for {@code recommended} ones; {@link FeatureAbsent} → NOT_IMPLEMENTED;
 *       {@link PreconditionNotMet} or a failed assumption → COULD_NOT_TEST; anything else → ERROR.</li>
 *   <li>Into JUnit, conservatively: PASS succeeds; FAIL, WARN and ERROR fail with the status first in
 *       the message; COULD_NOT_TEST, NOT_IMPLEMENTED and NOT_APPLICABLE abort; DISABLED disables.</li>
 * </ul>
 */
public final class CaseVerdicts implements InvocationInterceptor, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CaseVerdicts.class);
    private static final String VERDICT = "verdict";

    /**
     * A decided status with its reason (on PASS the outcome the case recorded, usually null) and how
     * long the body ran.
     */
    record Verdict(Status status, String message, long durationMillis, Throwable cause) {
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        runCase(invocation, extensionContext);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        runCase(invocation, extensionContext);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Optional<CaseId> id = CaseParameters.caseId(context);
        if (id.isEmpty()) {
            return;
        }
        KitSession session = KitSession.of(context);
        Optional<CaseContext> ctx = CaseParameters.existingContext(context);
        List<String> cleanupProblems = ctx.map(CaseContext::cleanup).orElse(List.of());
        Verdict verdict = context.getStore(NAMESPACE).get(VERDICT, Verdict.class);
        if (verdict == null) {
            // The body never ran: a parameter or a lifecycle method failed before it.
            Throwable failure = context.getExecutionException().orElse(null);
            verdict = new Verdict(Status.ERROR, failure == null ? "the case did not run" : describe(failure), 0, failure);
        }
        Optional<CatalogueEntry> entry = session.catalogue().entry(id.get().value());
        if (entry.isEmpty()) {
            return; // the runner reports a method without catalogue entry; there is no entry to report it under
        }
        String variant = context.getParent().filter(parent -> parent.getTestMethod().isPresent())
                .map(parent -> CaseNames.variantOf(context.getDisplayName(), parent.getDisplayName())).orElse("");
        CaseResults.publish(context, CaseResults.of(entry.get(), context.getRequiredTestMethod(), verdict.status(),
                variant, context.getDisplayName(), verdict.durationMillis(), verdict.message(), cleanupProblems,
                ctx.map(CaseContext::exchanges).orElse(List.of())));
    }

    private static void runCase(Invocation<Void> invocation, ExtensionContext extensionContext) throws Throwable {
        CaseContext ctx = CaseParameters.contextOf(extensionContext);
        Optional<Verdict> gate = CaseGate.preconditions(ctx);
        Verdict verdict;
        if (gate.isPresent()) {
            invocation.skip();
            verdict = gate.get();
        } else {
            verdict = judge(invocation, ctx);
        }
        extensionContext.getStore(NAMESPACE).put(VERDICT, verdict);
        Throwable mapped = mapped(verdict);
        if (mapped != null) {
            throw mapped;
        }
    }

    /** Runs the body and turns how it ended into a verdict. */
    private static Verdict judge(Invocation<Void> invocation, CaseContext ctx) {
        long start = System.nanoTime();
        try {
            invocation.proceed();
            return new Verdict(Status.PASS, ctx.outcome(), millisSince(start), null);
        } catch (Throwable t) {
            return verdictOf(t, ctx.entry().level(), millisSince(start));
        }
    }

    static Verdict verdictOf(Throwable t, Level level, long millis) {
        Status status;
        if (t instanceof FeatureAbsent) {
            status = Status.NOT_IMPLEMENTED;
        } else if (t instanceof PreconditionNotMet || t instanceof TestAbortedException) {
            status = Status.COULD_NOT_TEST;
        } else if (t instanceof AssertionError) {
            status = level == Level.RECOMMENDED ? Status.WARN : Status.FAIL;
        } else {
            status = Status.ERROR;
        }
        return new Verdict(status, describe(t), millis, t);
    }

    /** The JUnit outcome of a status: null (success), a failure, or an abort. */
    private static Throwable mapped(Verdict verdict) {
        String message = verdict.status() + ": " + verdict.message();
        return switch (verdict.status()) {
            case PASS -> null;
            case FAIL, WARN, ERROR -> new AssertionFailedError(message, verdict.cause());
            case COULD_NOT_TEST, NOT_IMPLEMENTED, NOT_APPLICABLE, DISABLED -> new TestAbortedException(message);
        };
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof AssertionError || t instanceof FeatureAbsent || t instanceof PreconditionNotMet
                || t instanceof TestAbortedException) {
            return message == null ? t.getClass().getSimpleName() : message;
        }
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
