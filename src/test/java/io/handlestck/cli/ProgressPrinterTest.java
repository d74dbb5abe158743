package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.preflight.Preflight;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void theFindingComesFirstThenOneLinePerResultCountedInTheOrderTheyFinish() {
        StringWriter out = new StringWriter();
        ProgressPrinter progress = new ProgressPrinter(new PrintWriter(out), false);

        Preflight problem = new Preflight(false, "every request is refused with 403 AuthenticationFailed: check the"
                + " account name and key", List.of(), new Preflight.Cause("Create Share", "403 AuthenticationFailed"));
        progress.preflight(problem);
        progress.preflight(problem); // a run over several versions probes once per version; the finding is said once
        progress.planned(2, 339);
        progress.caseFinished(1, 339, result("FCH-012", "single id on a snapshot", "file", Status.PASS, 41));
        progress.caseFinished(2, 339, result("FCH-003", "unknown id", "", Status.FAIL, 7));
        progress.caseFinished(3, 339, result("FCH-012", "single id on a snapshot", "directory", Status.PASS, 38)
                .atVersion("2019-02-02"));
        progress.finish();

        assertThat(out.toString().lines().toList()).containsExactly(
                "Preflight PROBLEM: every request is refused with 403 AuthenticationFailed: check the account name and key",
                "Running 2 cases, 339 results; one line per result (a case has one result per variant)",
                "[  1/339] FCH-012 single id on a snapshot [file] ... PASS 41 ms",
                "[  2/339] FCH-003 unknown id ... FAIL 7 ms",
                "[  3/339] FCH-012 single id on a snapshot [directory] @2019-02-02 ... PASS 38 ms");
        assertThat(out.toString()).doesNotContain("\r").doesNotContain("#");
    }

    @Test
    void onATerminalABarIsRedrawnUnderTheLines() {
        StringWriter out = new StringWriter();
        ProgressPrinter progress = new ProgressPrinter(new PrintWriter(out), true);

        progress.planned(2, 2);
        progress.caseFinished(1, 2, result("FCH-001", "a", "", Status.PASS, 1));
        progress.caseFinished(2, 2, result("FCH-002", "b", "", Status.PASS, 1));
        progress.finish();

        assertThat(out.toString()).contains("[###############...............] 1/2")
                .contains("\r\u001B[K[2/2] FCH-002 b ... PASS 1 ms")
                .contains("[##############################] 2/2").endsWith("\r\u001B[K");
    }

    private static CaseResult result(String id, String title, String variant, Status status, long millis) {
        return new CaseResult(id, title, "force-close-handles", Level.REQUIRED, status, List.of(), variant,
                id + " " + title, millis, null, List.of(), List.of(), "suites/force-close-handles.yaml",
                "io.handlestck.kit.cases.ForceCloseHandlesCases", "singleIdClosesOnlyThatHandle");
    }
}
