package io.handlestck.cli;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.run.RunListener;
import java.io.PrintWriter;

/**
 * The progress of {@code run}: one line per case as it finishes
 * ({@code [37/84] FCH-012 single id on a snapshot [file] ... PASS 41 ms}) and, when stdout is a
 * terminal, a progress bar under the lines, redrawn in place. Logs and CI get the lines only.
 */
final class ProgressPrinter implements RunListener {

    private static final int BAR_WIDTH = 30;
    /** Carriage return and erase-line: the bar is redrawn, never scrolled. */
    private static final String CLEAR_LINE = "\r\u001B[K";

    private final PrintWriter out;
    private final boolean terminal;
    private boolean barShown;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void planned(int entries) {
        out.println("Running " + entries + " cases (variants add lines)");
        out.flush();
    }

    @Override
    public synchronized void caseFinished(int index, int total, CaseResult result) {
        clearBar();
        out.println(line(index, total, result));
        if (terminal) {
            out.print(bar(index, total));
            barShown = true;
        }
        out.flush();
    }

    /** Removes the bar before the summary is printed. */
    synchronized void finish() {
        clearBar();
        out.flush();
    }

    static String line(int index, int total, CaseResult result) {
        String variant = result.variant() == null || result.variant().isBlank() ? "" : " [" + result.variant() + "]";
        String width = String.valueOf(total);
        return String.format("[%" + width.length() + "d/%s] %s %s%s ... %s %d ms", index, width, result.id(),
                result.title(), variant, result.status(), result.durationMillis());
    }

    static String bar(int index, int total) {
        int filled = total == 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, index * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + index + "/" + total;
    }

    private void clearBar() {
        if (barShown) {
            out.print(CLEAR_LINE);
            barShown = false;
        }
    }
}
