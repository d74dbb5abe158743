package io.handlestck.kit;

import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Exchange;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Status;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns JUnit's outcome of a case into the kit's {@link Status} and records it. Registered by
 * {@link HandlesTckCases}; cases never use it directly.
 *
 * <ul>
 *   <li>Before the body: outside the entry's x-ms-version range → NOT_APPLICABLE; a capability the
 *       provisioner lacks → COULD_NOT_TEST, with the reason; disabled by config → DISABLED.</li>
 *   <li>From the body: an {@link AssertionError} is FAIL for {@code required} and {@code optional}
 *       entries and WARN for {@code recommended} ones; {@link FeatureAbsent} → NOT_IMPLEMENTED;
 *       {@link PreconditionNotMet} or a failed assumption → COULD_NOT_TEST; anything else → ERROR.</li>
 *   <li>Into JUnit, conservatively: PASS succeeds; FAIL, WARN and ERROR fail with the status first in
 *       the message; COULD_NOT_TEST, NOT_IMPLEMENTED and NOT_APPLICABLE abort; DISABLED disables.</li>
 * </ul>
 * The status is also published as the report entry {@value #STATUS_ENTRY}.
 */
public final class CaseExtension implements ParameterResolver, InvocationInterceptor, ExecutionCondition,
        AfterEachCallback {

    /** The key of the JUnit report entry that carries a case's status. */
    public static final String STATUS_ENTRY = "handlestck.status";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CaseExtension.class);
    private static final String CONTEXT = "case-context";
    private static final String VERDICT = "verdict";

    /** A decided status with its reason (null on PASS) and how long the body ran. */
    record Verdict(Status status, String message, long durationMillis, Throwable cause) {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<CaseId> id = caseId(context);
        if (id.isEmpty() || context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("not a case method");
        }
        KitSession session = KitSession.of(context);
        KitConfig config = session.config();
        Optional<CatalogueEntry> entry = session.catalogue().entry(id.get().value());
        if (entry.isPresent() && !selected(config, entry.get())) {
            return ConditionEvaluationResult.disabled("not selected by configuration");
        }
        if (config.disabled().contains(id.get().value())) {
            String why = "DISABLED: " + id.get().value() + " is disabled by configuration ("
                    + config.origins().getOrDefault("disabled", "config") + ")";
            entry.ifPresent(e -> session.record(context.getUniqueId(),
                    result(e, Status.DISABLED, "", context.getDisplayName(), 0, why, List.of(), List.of())));
            return ConditionEvaluationResult.disabled(why);
        }
        return ConditionEvaluationResult.enabled("selected");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CaseContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return contextOf(extensionContext);
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

    /** A factory is gated like a case; if it may run, its dynamic tests carry the verdicts. */
    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        CaseContext ctx = passGate(invocation, extensionContext);
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } catch (Throwable t) {
            throw decide(extensionContext, verdictOf(t, ctx.entry().level(), millisSince(start)));
        }
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext extensionContext) throws Throwable {
        CaseContext ctx = extensionContext.getStore(NAMESPACE).get(CONTEXT, CaseContext.class);
        if (ctx == null) {
            invocation.proceed();
            return;
        }
        ctx.startDynamicTest();
        Verdict verdict = judge(invocation, ctx);
        List<Exchange> exchanges = ctx.finishDynamicTest();
        KitSession session = KitSession.of(extensionContext);
        session.record(extensionContext.getUniqueId(), result(ctx.entry(), verdict.status(),
                extensionContext.getDisplayName(), extensionContext.getDisplayName(), verdict.durationMillis(),
                verdict.message(), List.of(), exchanges));
        extensionContext.publishReportEntry(STATUS_ENTRY, verdict.status().name());
        throwFor(verdict);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Optional<CaseId> id = caseId(context);
        if (id.isEmpty()) {
            return;
        }
        KitSession session = KitSession.of(context);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        CaseContext ctx = store.get(CONTEXT, CaseContext.class);
        List<String> cleanupProblems = ctx == null ? List.of() : ctx.cleanup();
        Verdict verdict = store.get(VERDICT, Verdict.class);
        boolean factory = context.getRequiredTestMethod().isAnnotationPresent(org.junit.jupiter.api.TestFactory.class);
        if (factory && verdict == null) {
            if (!cleanupProblems.isEmpty()) {
                session.addCleanupProblems(context.getUniqueId(), cleanupProblems);
            }
            return;
        }
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
        session.record(context.getUniqueId(), result(entry.get(), verdict.status(), variant, context.getDisplayName(),
                verdict.durationMillis(), verdict.message(), cleanupProblems, ctx == null ? List.of() : ctx.exchanges()));
        context.publishReportEntry(STATUS_ENTRY, verdict.status().name());
    }

    private void runCase(Invocation<Void> invocation, ExtensionContext extensionContext) throws Throwable {
        CaseContext ctx = passGate(invocation, extensionContext);
        Verdict verdict = judge(invocation, ctx);
        extensionContext.getStore(NAMESPACE).put(VERDICT, verdict);
        throwFor(verdict);
    }

    /** The case's context once the gate let it through; otherwise the invocation is skipped and the gate's verdict thrown. */
    private static CaseContext passGate(Invocation<?> invocation, ExtensionContext extensionContext) throws Throwable {
        CaseContext ctx = contextOf(extensionContext);
        Optional<Verdict> gate = gate(ctx);
        if (gate.isPresent()) {
            invocation.skip();
            throw decide(extensionContext, gate.get());
        }
        return ctx;
    }

    /** Runs the body and turns how it ended into a verdict. */
    private static Verdict judge(Invocation<Void> invocation, CaseContext ctx) {
        long start = System.nanoTime();
        try {
            invocation.proceed();
            return new Verdict(Status.PASS, null, millisSince(start), null);
        } catch (Throwable t) {
            return verdictOf(t, ctx.entry().level(), millisSince(start));
        }
    }

    private static Throwable decide(ExtensionContext context, Verdict verdict) {
        context.getStore(NAMESPACE).put(VERDICT, verdict);
        Throwable mapped = mapped(verdict);
        return mapped == null ? new IllegalStateException("a gate cannot pass a case") : mapped;
    }

    /** Version range and capabilities, checked before the body so that a skip explains itself. */
    private static Optional<Verdict> gate(CaseContext ctx) {
        CatalogueEntry entry = ctx.entry();
        if (!entry.versions().contains(ctx.version())) {
            return Optional.of(new Verdict(Status.NOT_APPLICABLE, entry.id() + " applies to x-ms-version "
                    + entry.versions() + "; the run tests " + ctx.version(), 0, null));
        }
        Set<String> missing = new TreeSet<>();
        for (Capability needed : entry.capabilities()) {
            if (needed.kind() == Capability.Kind.PROVISIONER && !ctx.handles().capabilities().contains(needed)) {
                missing.add(needed.catalogueName());
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new Verdict(Status.COULD_NOT_TEST, entry.id() + " needs " + String.join(", ", missing)
                    + ", which provisioner '" + ctx.handles().name() + "' cannot provide on this target", 0, null));
        }
        return Optional.empty();
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

    private static void throwFor(Verdict verdict) throws Throwable {
        Throwable mapped = mapped(verdict);
        if (mapped != null) {
            throw mapped;
        }
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

    private static CaseContext contextOf(ExtensionContext extensionContext) {
        return extensionContext.getStore(NAMESPACE).computeIfAbsent(CONTEXT, key -> {
            KitSession session = KitSession.of(extensionContext);
            String id = caseId(extensionContext).map(CaseId::value).orElseThrow(() -> new IllegalStateException(
                    extensionContext.getRequiredTestMethod() + " has no @CaseId"));
            CatalogueEntry entry = session.catalogue().entry(id).orElseThrow(() -> new IllegalStateException(
                    "no catalogue entry in suites/*.yaml for " + id));
            return new CaseContext(session, entry);
        }, CaseContext.class);
    }

    private static Optional<CaseId> caseId(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.getAnnotation(CaseId.class));
    }

    static boolean selected(KitConfig config, CatalogueEntry entry) {
        return (config.cases().isEmpty() || config.cases().contains(entry.id()))
                && (config.classes().isEmpty() || config.classes().contains(entry.conformanceClass()))
                && (config.levels().isEmpty() || config.levels().contains(entry.level()));
    }

    static CaseResult result(CatalogueEntry entry, Status status, String variant, String displayName, long millis,
                             String message, List<String> cleanupProblems, List<Exchange> exchanges) {
        return new CaseResult(entry.id(), entry.title(), entry.conformanceClass(), entry.level(), status,
                entry.sources(), variant, displayName, millis, status == Status.PASS ? null : message,
                List.copyOf(cleanupProblems), new ArrayList<>(exchanges));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
