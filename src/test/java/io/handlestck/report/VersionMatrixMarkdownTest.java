package io.handlestck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact case × version matrix of report.md. */
class VersionMatrixMarkdownTest {

    @Test
    void onlyCasesThatDidNotPassEverywhereAreRowsAndEqualNeighbouringVersionsShareAColumn() {
        List<CaseResult> results = List.of(
                SampleRuns.result("FCH-001", Level.REQUIRED, Status.PASS, "file").atVersion("2019-02-02"),
                SampleRuns.result("FCH-001", Level.REQUIRED, Status.PASS, "file").atVersion("2019-07-07"),
                SampleRuns.result("FCH-001", Level.REQUIRED, Status.PASS, "file").atVersion("2024-05-04"),
                SampleRuns.result("LH-012", Level.REQUIRED, Status.NOT_APPLICABLE, "Read").atVersion("2019-02-02"),
                SampleRuns.result("LH-012", Level.REQUIRED, Status.NOT_APPLICABLE, "Read").atVersion("2019-07-07"),
                SampleRuns.result("LH-012", Level.REQUIRED, Status.PASS, "Read").atVersion("2024-05-04"),
                SampleRuns.result("LH-012", Level.REQUIRED, Status.FAIL, "Write").atVersion("2024-05-04"));

        String md = MarkdownReport.render(SampleRuns.run(results, null), false);

        assertThat(md).contains("\n\n## Cases × x-ms-version (3 versions)\n\n1 of 2 cases passed at every version they apply to.")
                .contains("| Case | 2019-02-02 … 2019-07-07 | 2024-05-04 |")
                .contains("| LH-012 | · | ❌ |")
                .doesNotContain("| FCH-001 |");
    }

    @Test
    void aRunAtOneVersionHasNoMatrix() {
        assertThat(MarkdownReport.render(SampleRuns.everyStatus(), false)).doesNotContain("x-ms-version (");
    }
}
