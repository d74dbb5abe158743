package io.handlestck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void summaryCountsAndEveryProblemAreListed() {
        String md = MarkdownReport.render(SampleRuns.everyStatus(), false);

        assertThat(md).startsWith("# Handles TCK: Handles-TCK-Reference/0.1.0 (" + SampleRuns.ENDPOINT + ")")
                .contains("**FAILED**: 4 of 25 results passed")
                .contains("| required | 9 | 2 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 28.6 % |")
                .contains("## Cases that did not pass (9)");
        // Recorded text cannot open HTML or break the table.
        assertThat(md).contains("&lt;Error>").doesNotContain("<Error>");
    }

    @Test
    void certificationAlsoListsRequiredCasesThatCouldNotBeTested() {
        String plain = MarkdownReport.render(SampleRuns.everyStatus(), false);
        String certified = MarkdownReport.render(SampleRuns.everyStatus(), true);

        assertThat(plain).doesNotContain("| required | COULD_NOT_TEST |").contains("## Cases that did not pass (9)");
        assertThat(certified).contains("(certification run)").contains("## Cases that did not pass (10)")
                .contains("| required | COULD_NOT_TEST |");
    }

    @Test
    void aLongFailureListIsCutToFitAPullRequest() {
        List<CaseResult> failed = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            failed.add(SampleRuns.result(String.format("FCH-%03d", i), Level.REQUIRED, Status.FAIL, "file"));
        }
        String md = MarkdownReport.render(SampleRuns.run(failed, null), false);

        assertThat(md.lines().filter(line -> line.startsWith("| FCH-"))).hasSize(MarkdownReport.MAX_PROBLEM_ROWS);
        assertThat(md).contains("…and 150 more: see report.html or report.json.");
        assertThat(md.length()).isLessThan(65_536);
    }
}
