package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void oneLinePerVariantNumberedByCase() {
        StringWriter out = new StringWriter();
        ProgressPrinter progress = new ProgressPrinter(new PrintWriter(out), false);

        progress.planned(84);
        progress.caseFinished(1, 84, result("FCH-012", "single id on a snapshot", "file", Status.PASS, 41));
        progress.caseFinished(2, 84, result("FCH-003", "unknown id", "", Status.FAIL, 7));
        progress.caseFinished(3, 84, result("FCH-012", "single id on a snapshot", "directory", Status.PASS, 38));
        progress.finish();

        assertThat(out.toString().lines().skip(1).toList()).containsExactly(
                "[ 1/84] FCH-012 single id on a snapshot [file] ... PASS 41 ms",
                "[ 2/84] FCH-003 unknown id ... FAIL 7 ms",
                "[ 1/84] FCH-012 single id on a snapshot [directory] ... PASS 38 ms");
        assertThat(out.toString()).doesNotContain("\r").doesNotContain("#");
    }

    @Test
    void onATerminalABarIsRedrawnUnderTheLines() {
        StringWriter out = new StringWriter();
        ProgressPrinter progress = new ProgressPrinter(new PrintWriter(out), true);

        progress.planned(2);
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
