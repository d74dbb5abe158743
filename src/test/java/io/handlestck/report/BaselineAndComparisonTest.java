package io.handlestck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineAndComparisonTest {

    private static final RunReport BEFORE = SampleRuns.run(List.of(
            SampleRuns.result("FCH-001", Level.REQUIRED, Status.PASS, "file"),
            SampleRuns.result("FCH-001", Level.REQUIRED, Status.PASS, "directory"),
            SampleRuns.result("FCH-002", Level.REQUIRED, Status.FAIL, ""),
            SampleRuns.result("LH-001", Level.RECOMMENDED, Status.PASS, ""),
            SampleRuns.result("LH-002", Level.OPTIONAL, Status.PASS, "")), null);

    private static final RunReport AFTER = SampleRuns.run(List.of(
            SampleRuns.result("FCH-001", Level.REQUIRED, Status.PASS, "file"),
            SampleRuns.result("FCH-001", Level.REQUIRED, Status.ERROR, "directory"),
            SampleRuns.result("FCH-002", Level.REQUIRED, Status.FAIL, ""),
            SampleRuns.result("LH-001", Level.RECOMMENDED, Status.WARN, ""),
            SampleRuns.result("LH-003", Level.REQUIRED, Status.FAIL, "")), null);

    @Test
    void aRegressionIsACaseThatPassedAndNoLongerDoes() {
        List<Baseline.Regression> regressions = new Baseline(BEFORE).regressions(AFTER);

        // FCH-002 failed before too; LH-003 is new; LH-002 was not run this time: none is a regression.
        assertThat(regressions).extracting(Baseline.Regression::key, Baseline.Regression::now)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FCH-001 [directory]", Status.ERROR),
                        org.assertj.core.groups.Tuple.tuple("LH-001", Status.WARN));
    }

    @Test
    void comparisonPutsTheDifferencesFirstAndMarksMissingCases() {
        Comparison comparison = Comparison.of(List.of(new Comparison.Column("before", BEFORE),
                new Comparison.Column("after", AFTER)));

        assertThat(comparison.rows()).extracting(Comparison.Row::key).containsExactly(
                "FCH-001 [directory]", "LH-001", "LH-002", "LH-003", "FCH-001 [file]", "FCH-002");
        assertThat(comparison.differences()).hasSize(4);
        assertThat(comparison.rows().get(2).statuses()).containsExactly(Status.PASS, null);
        assertThat(comparison.markdown()).contains("4 of 6 cases differ").contains("| LH-002 | title of LH-002 | optional | PASS | — | **yes** |");
        assertThat(comparison.html()).contains("data-differences=\"4\"").contains("<td class=\"status missing\">not run</td>");
    }

    @Test
    void twoRunsOfOneTargetGetDistinctColumnLabels() {
        RunReport other = new RunReport(AFTER.kitVersion(), null, "run-2", AFTER.startedAt(), AFTER.endedAt(), AFTER.target(),
                AFTER.effectiveConfig(), AFTER.xMsVersion(), AFTER.summary(), AFTER.cases(), null);
        List<String> labels = Comparison.labels(List.of(BEFORE, other));
        assertThat(labels).doesNotHaveDuplicates().allSatisfy(label -> assertThat(label).contains(SampleRuns.ENDPOINT));
    }

    @Test
    void verdictFollowsTheExitCodeRules() {
        CaseResult optionalFail = SampleRuns.result("LH-009", Level.OPTIONAL, Status.FAIL, "");
        CaseResult requiredCouldNotTest = SampleRuns.result("FCH-009", Level.REQUIRED, Status.COULD_NOT_TEST, "");
        CaseResult recommendedWarn = SampleRuns.result("LH-008", Level.RECOMMENDED, Status.WARN, "");
        RunSummary summary = new RunSummary(SampleRuns.run(List.of(optionalFail, requiredCouldNotTest, recommendedWarn), null));

        assertThat(summary.green(false)).isTrue();
        assertThat(summary.green(true)).isFalse();
        assertThat(summary.blocking(true)).containsExactly(requiredCouldNotTest);
        assertThat(new RunSummary(SampleRuns.run(List.of(), "target unreachable")).green(false)).isFalse();
        // A target the preflight found unusable is never green, even with nothing blocking among the cases.
        assertThat(new RunSummary(SampleRuns.run(List.of(recommendedWarn), null, SampleRuns.PREFLIGHT)).green(false)).isFalse();
        assertThat(new RunSummary(SampleRuns.run(List.of(recommendedWarn), null)).green(false)).isTrue();
        assertThat(summary.green(false, java.util.Set.of(Status.WARN))).as("--fail-on warn").isFalse();
        assertThat(summary.blocking(false, java.util.Set.of(Status.WARN))).containsExactly(recommendedWarn);
        assertThat(new RunSummary(AFTER).blocking(false)).extracting(CaseResult::id).containsExactly("FCH-001", "FCH-002", "LH-003");
    }
}
