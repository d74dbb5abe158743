package io.handlestck.report;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored {@code report.json} a CI gate compares against: a run fails only on regressions, cases
 * that passed in the baseline and no longer pass. Known failures stay visible in the reports
 * without turning the build red, and every fix tightens the gate once the baseline is refreshed.
 */
public final class Baseline {

    /** A case that passed in the baseline and now does not. */
    public record Regression(String key, String title, Status now, String message) {
    }

    private final RunReport stored;

    public Baseline(RunReport stored) {
        this.stored = stored;
    }

    /** Regressions of {@code current}, in its case order. A case the current run did not select is not one. */
    public List<Regression> regressions(RunReport current) {
        Map<String, Status> before = new HashMap<>();
        for (CaseResult result : stored.cases()) {
            before.put(RunSummary.key(result), result.status());
        }
        return current.cases().stream()
                .filter(result -> before.get(RunSummary.key(result)) == Status.PASS && result.status() != Status.PASS)
                .map(result -> new Regression(RunSummary.key(result), result.title(), result.status(),
                        ReportText.firstLine(result.message())))
                .toList();
    }

    public RunReport stored() {
        return stored;
    }
}
