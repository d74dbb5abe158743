package io.handlestck.kit.run;

import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.CaseResults;
import io.handlestck.kit.CaseSelection;
import io.handlestck.kit.KitSession;
import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.catalogue.ConformanceClass;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import io.handlestck.kit.preflight.Preflight;
import io.handlestck.kit.preflight.PreflightAttribution;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.result.TargetInfo;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the kit: selects the cases, opens a session on the target (starting the embedded reference
 * server when none is configured), executes the case methods through the JUnit Platform Launcher,
 * in parallel unless configured otherwise, and returns the {@link RunReport}. A run never stops at
 * the first failure, and it returns a report whatever happens: an unreachable target or a crash of
 * the kit makes the cases ERROR with the reason, and the report's {@code error} says what broke.
 */
public final class KitRunner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KitRunner() {
    }

    /**
     * @param extra further listeners, e.g. JUnit's own XML report generator
     * @throws KitConfigException when the configuration selects no case, names an unknown case or
     *                            class, or names a provisioner that does not work on the target
     */
    public static RunReport run(KitConfig config, RunListener listener, TestExecutionListener... extra) {
        Instant startedAt = Instant.now();
        Catalogue catalogue = Catalogue.fromClasspath();
        List<CatalogueEntry> selected = select(config, catalogue);
        CaseMethods methods = CaseMethods.of(catalogue);
        int plannedResults = plannedResults(selected, methods);

        Collector collector = new Collector(Math.max(plannedResults, selected.size()), selected, methods, listener);
        String runId = config.runPrefix() + "-" + Long.toString(Math.abs(RANDOM.nextLong() % 2_176_782_336L), 36);
        String error = null;
        KitSession session = null;
        Preflight preflight = null;
        try {
            session = KitSession.open(config);
            runId = session.sharePrefix();
            collector.session = session;
            preflight = RunPreflight.of(session.config(), runId, null);
            listener.preflight(preflight);
            listener.planned(selected.size(), plannedResults);
            session.provisionerFactory().finding().ifPresent(listener::notice);
            execute(session, selected, methods, collector, extra);
        } catch (KitConfigException e) {
            throw e;
        } catch (Throwable t) {
            error = t instanceof IllegalStateException && t.getMessage() != null ? t.getMessage()
                    : "the kit crashed: " + t;
        } finally {
            if (session != null) {
                session.close();
            }
        }
        if (preflight == null) {
            preflight = RunPreflight.of(config, runId, error);
            listener.preflight(preflight);
            listener.planned(selected.size(), plannedResults);
        }
        List<CaseResult> results = PreflightAttribution.apply(preflight, error,
                collector.finish(error, methods, catalogue)).stream().map(result -> result.atVersion(config.version()))
                .toList();
        KitConfig effective = session != null ? session.config() : config;
        TargetInfo target = new TargetInfo(effective.embedded() ? "embedded reference server"
                : effective.endpoint().toString(), effective.account(), session == null ? null : session.serverHeader(),
                config.product(), session == null ? null : session.provisionerFactory().name());
        Map<Status, Integer> summary = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            summary.put(status, 0);
        }
        results.forEach(result -> summary.merge(result.status(), 1, Integer::sum));
        Map<String, Object> effectiveConfig = new LinkedHashMap<>(config.redacted());
        if (config.embedded() && session != null) {
            effectiveConfig.put("embeddedEndpoint", effective.endpoint().toString());
        }
        return new RunReport(kitVersion(), kitJarSha256(), runId, startedAt, Instant.now(), target, effectiveConfig,
                config.version(), summary, results, error, preflight);
    }

    /** The results the selected case methods declare, one per variant; 0 when a method's variants cannot be counted. */
    static int plannedResults(List<CatalogueEntry> selected, CaseMethods methods) {
        int total = 0;
        for (CatalogueEntry entry : selected) {
            Optional<Method> method = methods.method(entry.id());
            OptionalInt variants = method.map(VariantCount::of).orElse(OptionalInt.of(1));
            if (variants.isEmpty()) {
                return 0;
            }
            total += variants.getAsInt();
        }
        return total;
    }

    /**
     * The catalogue entries the configuration selects, in catalogue order.
     *
     * @throws KitConfigException on unknown ids or classes, and when nothing is selected
     */
    public static List<CatalogueEntry> select(KitConfig config, Catalogue catalogue) {
        for (String id : config.cases()) {
            requireKnownCase(catalogue, id, "cases", config);
        }
        for (String id : config.disabled()) {
            requireKnownCase(catalogue, id, "disabled", config);
        }
        for (String name : config.classes()) {
            if (catalogue.conformanceClass(name).isEmpty()) {
                throw new KitConfigException("unknown conformance class '" + name + "' in classes ("
                        + config.origins().getOrDefault("classes", "config") + "); known: "
                        + catalogue.classes().stream().map(c -> c.name()).collect(Collectors.joining(", ")));
            }
        }
        List<CatalogueEntry> selected = catalogue.entries().stream()
                .filter(entry -> CaseSelection.selected(config, entry))
                .toList();
        if (selected.isEmpty()) {
            throw new KitConfigException("the selection (cases, classes, levels) matches no case of the catalogue"
                    + " (" + catalogue.entries().size() + " cases); a run of nothing certifies nothing");
        }
        return selected;
    }

    private static void requireKnownCase(Catalogue catalogue, String id, String setting, KitConfig config) {
        if (catalogue.entry(id).isEmpty()) {
            throw new KitConfigException("unknown case id '" + id + "' in " + setting + " ("
                    + config.origins().getOrDefault(setting, "config") + "); 'handles-tck cases' lists them");
        }
    }

    private static void execute(KitSession session, List<CatalogueEntry> selected, CaseMethods methods,
                                Collector collector, TestExecutionListener... extra) {
        List<MethodSelector> selectors = new ArrayList<>();
        for (CatalogueEntry entry : selected) {
            methods.method(entry.id()).ifPresent(method -> selectors.add(DiscoverySelectors.selectMethod(
                    method.getDeclaringClass(), method)));
        }
        if (selectors.isEmpty()) {
            return; // every selected entry lacks code; Collector.finish reports each as ERROR
        }
        KitConfig config = session.config();
        Map<String, String> parameters = new HashMap<>();
        parameters.put(KitSession.SESSION_PARAMETER, session.id());
        parameters.put("junit.jupiter.execution.parallel.enabled", Boolean.toString(config.parallel()));
        parameters.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
        parameters.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        parameters.put("junit.jupiter.execution.parallel.config.strategy", "custom");
        parameters.put("junit.jupiter.execution.parallel.config.custom.class", KitParallelism.class.getName());
        // Named explicitly: JUnit otherwise logs a notice about its default on every run.
        parameters.put("junit.jupiter.execution.parallel.config.executor-service", "FORK_JOIN_POOL");
        parameters.put("junit.jupiter.extensions.autodetection.enabled", "false");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameters(parameters)
                // The user's junit-platform.properties and -D flags are for their tests, not for the kit's run.
                .enableImplicitConfigurationParameters(false)
                .build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = CaseNames.discoveringFor(config.endpoint().toString(), () -> launcher.discover(request));
        TestExecutionListener[] listeners = new TestExecutionListener[extra.length + 1];
        listeners[0] = collector;
        System.arraycopy(extra, 0, listeners, 1, extra.length);
        launcher.execute(plan, listeners);
    }

    /**
     * Gathers the results the cases publish as report entries ({@link CaseResults}) and fills in the
     * ones no case could publish.
     */
    private static final class Collector implements TestExecutionListener {
        private final int planned;
        private final List<CatalogueEntry> selected;
        private final CaseMethods methods;
        private final RunListener listener;
        private final List<CaseResult> results = new ArrayList<>();
        private final Set<String> published = ConcurrentHashMap.newKeySet();
        private final Map<String, String> classFailures = new ConcurrentHashMap<>();
        private final AtomicInteger index = new AtomicInteger();
        private volatile KitSession session;

        Collector(int planned, List<CatalogueEntry> selected, CaseMethods methods, RunListener listener) {
            this.planned = planned;
            this.selected = selected;
            this.methods = methods;
            this.listener = listener;
        }

        @Override
        public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
            CaseResults.read(entry).ifPresent(result -> {
                published.add(identifier.getUniqueId());
                add(result);
            });
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (published.contains(identifier.getUniqueId())) {
                return;
            }
            Optional<Method> method = identifier.getSource().filter(MethodSource.class::isInstance)
                    .map(source -> ((MethodSource) source).getJavaMethod());
            Optional<CatalogueEntry> entry = method.map(m -> m.getAnnotation(CaseId.class))
                    .flatMap(id -> session.catalogue().entry(id.value()));
            String failure = result.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                    .orElse("no verdict was recorded");
            if (identifier.isTest() && entry.isPresent()) {
                add(errorResult(entry.get(), identifier.getDisplayName(), "the case broke outside its body: " + failure));
            } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                if (entry.isPresent()) {
                    // A parameterized case whose variants could not even be produced.
                    add(errorResult(entry.get(), identifier.getDisplayName(), "the case could not start: " + failure));
                } else {
                    identifier.getSource().ifPresent(source -> classFailures.put(source.toString(), failure));
                }
            }
        }

        private synchronized void add(CaseResult result) {
            results.add(result);
            int position = index.incrementAndGet();
            listener.caseFinished(position, Math.max(position, planned), result);
        }

        /** Every selected entry without any result gets one ERROR saying why; the list comes out in catalogue order. */
        synchronized List<CaseResult> finish(String runError, CaseMethods methods, Catalogue catalogue) {
            Set<String> reported = results.stream().map(CaseResult::id).collect(Collectors.toSet());
            for (CatalogueEntry entry : selected) {
                if (reported.contains(entry.id())) {
                    continue;
                }
                String why;
                if (runError != null) {
                    why = runError;
                } else if (methods.method(entry.id()).isEmpty()) {
                    why = "no case method carries @CaseId(\"" + entry.id() + "\") in "
                            + String.join(", ", catalogue.conformanceClass(entry.conformanceClass())
                                    .map(ConformanceClass::caseClasses).orElse(List.of()));
                } else if (!classFailures.isEmpty()) {
                    why = "the case class could not run: " + String.join("; ", classFailures.values());
                } else {
                    why = "the case produced no result";
                }
                add(errorResult(entry, entry.id() + " " + entry.title(), why));
            }
            List<String> order = catalogue.entries().stream().map(CatalogueEntry::id).toList();
            List<CaseResult> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparingInt(result -> order.indexOf(result.id())));
            return sorted;
        }

        private CaseResult errorResult(CatalogueEntry entry, String displayName, String message) {
            return CaseResults.of(entry, methods.method(entry.id()).orElse(null), Status.ERROR, "", displayName, 0,
                    message, List.of(), List.of());
        }
    }

    /** The kit's version, as written into every report. */
    public static String kitVersion() {
        String version = KitRunner.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /**
     * SHA-256 of the jar the kit runs from, as written into every report, so that a report names the
     * exact build; null outside a jar.
     */
    public static String kitJarSha256() {
        try {
            URL location = KitRunner.class.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(location.toURI());
            if (!Files.isRegularFile(path)) {
                return null;
            }
            return JarDigest.of(path);
        } catch (Exception e) {
            return null;
        }
    }
}
