package io.handlestck.report;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts of a run by level and status, and the verdict that decides the exit code. One place, so the
 * terminal table, {@code report.md} and the exit code never disagree about what "failed" means.
 */
public final class RunSummary {

    private final Map<Level, Map<Status, Integer>> counts = new EnumMap<>(Level.class);
    private final List<CaseResult> cases;
    private final String runError;
    private final boolean preflightOk;

    public RunSummary(RunReport report) {
        this.cases = report.cases() == null ? List.of() : report.cases();
        this.runError = report.error();
        this.preflightOk = report.preflight() == null || report.preflight().ok();
        for (Level level : Level.values()) {
            Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
            for (Status status : Status.values()) {
                byStatus.put(status, 0);
            }
            counts.put(level, byStatus);
        }
        for (CaseResult result : cases) {
            counts.get(result.level()).merge(result.status(), 1, Integer::sum);
        }
    }

    /**
     * The id and, when the case has variants, the variant ({@code FCH-001 [file]}): what identifies
     * one result across runs and targets, and one row in every table.
     */
    public static String key(CaseResult result) {
        return result.variant() == null || result.variant().isBlank()
                ? result.id() : result.id() + " [" + result.variant() + "]";
    }

    public int count(Level level, Status status) {
        return counts.get(level).get(status);
    }

    public int count(Status status) {
        return counts.values().stream().mapToInt(byStatus -> byStatus.get(status)).sum();
    }

    public int total(Level level) {
        return counts.get(level).values().stream().mapToInt(Integer::intValue).sum();
    }

    public int total() {
        return cases.size();
    }

    /**
     * Passed over decided: cases outside the version range or switched off say nothing about the
     * target, so they are not in the denominator. Null when nothing of the level was decided.
     */
    public Double passRate(Level level) {
        int decided = total(level) - count(level, Status.NOT_APPLICABLE) - count(level, Status.DISABLED);
        return decided == 0 ? null : (double) count(level, Status.PASS) / decided;
    }

    /** {@code 97.5 %}, or {@code n/a} when nothing of the level was decided. */
    public String passRateText(Level level) {
        Double rate = passRate(level);
        return rate == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** Cases that stop a run from being green, as the exit code sees them. */
    public List<CaseResult> blocking(boolean certify) {
        return blocking(certify, Set.of());
    }

    /** @param failOn statuses {@code --fail-on} adds to the blocking ones ({@link FailOn}) */
    public List<CaseResult> blocking(boolean certify, Set<Status> failOn) {
        return cases.stream().filter(result -> isBlocking(result, certify) || failOn.contains(result.status())).toList();
    }

    /**
     * A run is green when its preflight found a usable target, no required case failed and nothing
     * errored. Under {@code --certify} a required case that could not be tested also blocks: a
     * certificate cannot rest on it.
     */
    public static boolean isBlocking(CaseResult result, boolean certify) {
        return switch (result.status()) {
            case ERROR -> true;
            case FAIL -> result.level() == Level.REQUIRED;
            case COULD_NOT_TEST -> certify && result.level() == Level.REQUIRED;
            default -> false;
        };
    }

    public boolean green(boolean certify) {
        return green(certify, Set.of());
    }

    /**
     * As {@link #green(boolean)}; a run whose preflight found the target unusable (unreachable, every
     * request refused, no File service) is never green, even when no case could get far enough to fail.
     */
    public boolean green(boolean certify, Set<Status> failOn) {
        return runError == null && preflightOk && blocking(certify, failOn).isEmpty();
    }

    /**
     * Cases a reader must look at, in report order: everything that failed, warned or errored, and
     * under {@code --certify} the required cases that could not be tested.
     */
    public List<CaseResult> problems(boolean certify) {
        return problems(certify, Set.of());
    }

    /** As {@link #problems(boolean)}, and the results of the statuses {@code --fail-on} adds. */
    public List<CaseResult> problems(boolean certify, Set<Status> failOn) {
        return cases.stream()
                .filter(result -> result.status() == Status.WARN || isBlocking(result, certify)
                        || result.status() == Status.FAIL || failOn.contains(result.status()))
                .toList();
    }
}
