package io.handlestck.kit.run;

import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import io.handlestck.kit.preflight.Preflight;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * {@code run --x-ms-version all} (or a comma-separated list): the kit once per version, one report.
 * Each pass pins its version on every request, cases outside a version's range are NOT_APPLICABLE
 * there, and every result carries the version it ran at, so the reports can draw a case × version matrix.
 */
public final class VersionMatrix {

    /** What {@code --x-ms-version} takes for every version the kit knows. */
    public static final String ALL = "all";

    /**
     * The service versions from the first with the handle operations to the newest the kit's cases know
     * ({@link KitConfig#DEFAULT_VERSION}), in release order.
     */
    public static final List<String> VERSIONS = List.of("2018-11-09", "2019-02-02", "2019-07-07", "2019-10-10",
            "2019-12-12", "2020-02-10", "2020-04-08", "2020-06-12", "2020-08-04", "2020-10-02", "2020-12-06",
            "2021-02-12", "2021-04-10", "2021-06-08", "2021-08-06", "2021-10-04", "2021-12-02", "2022-11-02",
            "2023-01-03", "2023-05-03", "2023-08-03", "2023-11-03", "2024-02-04", "2024-05-04", "2024-08-04",
            "2024-11-04", "2025-01-05", "2025-05-05");

    private VersionMatrix() {
    }

    /** True when {@code --x-ms-version} asks for more than one version. */
    public static boolean isMatrix(String option) {
        return option != null && (option.trim().equalsIgnoreCase(ALL) || option.contains(","));
    }

    /**
     * @throws KitConfigException naming a value that is not a version the kit knows
     */
    public static List<String> versions(String option) {
        if (option.trim().equalsIgnoreCase(ALL)) {
            return VERSIONS;
        }
        List<String> versions = Arrays.stream(option.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .distinct().sorted().toList();
        for (String version : versions) {
            if (!VERSIONS.contains(version)) {
                throw new KitConfigException("--x-ms-version: '" + version + "' is not a version the kit knows ("
                        + VERSIONS.get(0) + " to " + VERSIONS.get(VERSIONS.size() - 1) + ", or all)");
            }
        }
        if (versions.isEmpty()) {
            throw new KitConfigException("--x-ms-version: no version in '" + option + "'");
        }
        return versions;
    }

    /**
     * Runs the kit at each version, one after the other, and merges the passes into one report.
     *
     * @param extra the further JUnit listeners of one pass (each pass gets its own)
     */
    public static RunReport run(KitConfig config, List<String> versions, RunListener listener,
                                Function<String, TestExecutionListener[]> extra) {
        Progress progress = new Progress(listener, versions.size());
        List<RunReport> passes = new ArrayList<>();
        for (String version : versions) {
            progress.version = version;
            passes.add(KitRunner.run(config.withVersion(version), progress, extra.apply(version)));
            progress.offset += passes.get(passes.size() - 1).cases().size();
        }
        return merge(passes, versions);
    }

    static RunReport merge(List<RunReport> passes, List<String> versions) {
        RunReport first = passes.get(0);
        List<CaseResult> cases = passes.stream().flatMap(pass -> pass.cases().stream()).toList();
        Map<Status, Integer> summary = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            summary.put(status, 0);
        }
        cases.forEach(result -> summary.merge(result.status(), 1, Integer::sum));
        String errors = passes.stream().filter(pass -> pass.error() != null)
                .map(pass -> pass.xMsVersion() + ": " + pass.error()).collect(Collectors.joining("; "));
        Map<String, Object> effectiveConfig = new LinkedHashMap<>(first.effectiveConfig());
        effectiveConfig.put("version", String.join(",", versions));
        Preflight preflight = passes.stream().map(RunReport::preflight).filter(Objects::nonNull).findFirst().orElse(null);
        return new RunReport(first.kitVersion(), first.kitJarSha256(), first.runId(), first.startedAt(),
                passes.get(passes.size() - 1).endedAt(), first.target(), effectiveConfig, String.join(",", versions),
                summary, cases, errors.isEmpty() ? null : errors, preflight);
    }

    /** Counts results across the passes and plans all of them at the first. */
    private static final class Progress implements RunListener {
        private final RunListener listener;
        private final int passes;
        private int offset;
        private int total;
        private String version;

        Progress(RunListener listener, int passes) {
            this.listener = listener;
            this.passes = passes;
        }

        @Override
        public void preflight(Preflight preflight) {
            listener.preflight(preflight);
        }

        @Override
        public void planned(int entries, int results) {
            if (total == 0) {
                total = Math.max(results, entries) * passes;
                listener.planned(entries, results * passes); // the same cases at each version
            }
        }

        @Override
        public void caseFinished(int index, int passTotal, CaseResult result) {
            listener.caseFinished(offset + index, Math.max(total, offset + index), result.atVersion(version));
        }
    }
}
