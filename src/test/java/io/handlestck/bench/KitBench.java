package io.handlestck.bench;

import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.run.KitRunner;
import io.handlestck.kit.run.RunListener;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The kit's own speed: a full certification run against the embedded reference server, timed inside
 * the JVM, so JVM start is excluded but everything a user's run does after it is included (class
 * loading, the catalogue, the server's start, every case). The first run in a fresh JVM is the
 * figure a user sees; a second run in the same JVM shows what of it is warm-up.
 *
 * <p>Usage: {@code KitBench FIGURES_FILE parallel|serial}; run.sh starts one JVM per mode so that
 * neither warms the other.
 */
public final class KitBench {

    private KitBench() {
    }

    public static void main(String[] args) {
        Figures figures = new Figures(Path.of(args[0]));
        boolean parallel = switch (args[1]) {
            case "parallel" -> true;
            case "serial" -> false;
            default -> throw new IllegalArgumentException("mode is parallel or serial, not " + args[1]);
        };
        String prefix = "kit.inprocess." + args[1] + ".";
        figures.put(prefix + "jvm_uptime_before_ms", ManagementFactory.getRuntimeMXBean().getUptime());
        // Only what is set here counts: neither the environment nor -D flags of this JVM reach the kit's config.
        KitConfig config = KitConfig.resolve(Map.of("parallel", Boolean.toString(parallel)), new Properties(), Map.of(), null);

        long start = System.nanoTime();
        RunReport first = KitRunner.run(config, RunListener.SILENT);
        long firstNanos = System.nanoTime() - start;
        start = System.nanoTime();
        RunReport second = KitRunner.run(config, RunListener.SILENT);
        long secondNanos = System.nanoTime() - start;

        figures.put(prefix + "wall_ms", Figures.millis(firstNanos));
        figures.put(prefix + "warm_wall_ms", Figures.millis(secondNanos));
        figures.put(prefix + "cases", first.cases().size());
        figures.put(prefix + "statuses", first.summary().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ")));
        if (first.error() != null) {
            figures.put(prefix + "error", first.error().replaceAll("\\s+", " "));
        }
        long[] durations = first.cases().stream().mapToLong(CaseResult::durationMillis).toArray();
        if (durations.length > 0) {
            figures.put(prefix + "case_p50_ms", Figures.percentile(durations, 50));
            figures.put(prefix + "case_p90_ms", Figures.percentile(durations, 90));
            figures.put(prefix + "case_p99_ms", Figures.percentile(durations, 99));
            figures.put(prefix + "case_max_ms", Figures.percentile(durations, 100));
            figures.put(prefix + "case_sum_ms", first.cases().stream().mapToLong(CaseResult::durationMillis).sum());
        }
        figures.put(prefix + "slowest", first.cases().stream()
                .sorted(Comparator.comparingLong(CaseResult::durationMillis).reversed())
                .limit(5)
                .map(result -> result.id() + (result.variant() == null || result.variant().isEmpty() ? "" : " [" + result.variant() + "]")
                        + " " + result.durationMillis() + " ms")
                .collect(Collectors.joining("; ")));
        long broken = first.summary().getOrDefault(Status.ERROR, 0) + first.summary().getOrDefault(Status.FAIL, 0);
        if (broken > 0 || first.error() != null) {
            // A run that errored may have been fast because it skipped work: the time is reported, marked.
            figures.put(prefix + "broken_cases", broken);
        }
        if (second.cases().size() != first.cases().size()) {
            throw new IllegalStateException("the second run had " + second.cases().size() + " results, the first "
                    + first.cases().size());
        }
    }
}
