package io.handlestck.cli;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.run.RunListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The progress of {@code run}: one line per case variant as it finishes
 * ({@code [37/84] FCH-012 single id on a snapshot [file] ... PASS 41 ms}) and, when stdout is a
 * terminal, a progress bar under the lines, redrawn in place. Logs and CI get the lines only.
 *
 * <p>The count is over catalogue cases, not variants: how many variants a parameterized case has is
 * known only as it runs, while the number of cases is planned. A case is numbered when its first
 * variant finishes; its other variants carry the same number.
 */
final class ProgressPrinter implements RunListener {

    private static final int BAR_WIDTH = 30;
    /** Carriage return and erase-line: the bar is redrawn, never scrolled. */
    private static final String CLEAR_LINE = "\r\u001B[K";

    private final PrintWriter out;
    private final boolean terminal;
    private final Map<String, Integer> caseNumbers = new HashMap<>();
    private int planned;
    private boolean barShown;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void planned(int entries) {
        planned = entries;
        out.println("Running " + entries + " cases; one line per result (a case has one result per variant)");
        out.flush();
    }

    @Override
    public synchronized void notice(String line) {
        clearBar();
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void caseFinished(int index, int total, CaseResult result) {
        int number = caseNumbers.computeIfAbsent(result.id(), id -> caseNumbers.size() + 1);
        int cases = Math.max(planned, caseNumbers.size());
        clearBar();
        out.println(line(number, cases, result));
        if (terminal) {
            out.print(bar(caseNumbers.size(), cases) + " cases reported, " + index + " results");
            barShown = true;
        }
        out.flush();
    }

    /** Removes the bar before the summary is printed. */
    synchronized void finish() {
        clearBar();
        out.flush();
    }

    static String line(int number, int total, CaseResult result) {
        String variant = result.variant() == null || result.variant().isBlank() ? "" : " [" + result.variant() + "]";
        String width = String.valueOf(total);
        return String.format("[%" + width.length() + "d/%s] %s %s%s ... %s %d ms", number, width, result.id(),
                result.title(), variant, result.status(), result.durationMillis());
    }

    static String bar(int done, int total) {
        int filled = total == 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
    }

    private void clearBar() {
        if (barShown) {
            out.print(CLEAR_LINE);
            barShown = false;
        }
    }
}
