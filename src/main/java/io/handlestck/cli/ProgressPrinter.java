package io.handlestck.cli;

import io.handlestck.kit.preflight.Preflight;
import io.handlestck.report.PreflightText;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.run.RunListener;
import java.io.PrintWriter;

/**
 * The progress of {@code run}: the preflight's finding first, then one line per result as it finishes,
 * counted in the order they finish over the results the run planned
 * ({@code [137/339] FCH-012 single id on a snapshot [file] ... PASS 41 ms}), and, when stdout is a
 * terminal, a progress bar under the lines, redrawn in place. Logs and CI get the lines only.
 */
final class ProgressPrinter implements RunListener {

    private static final int BAR_WIDTH = 30;
    /** Carriage return and erase-line: the bar is redrawn, never scrolled. */
    private static final String CLEAR_LINE = "\r\u001B[K";

    private final PrintWriter out;
    private final boolean terminal;
    private boolean barShown;
    private boolean preflightShown;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Once per run: a run over several versions probes once per version but states the finding once. */
    @Override
    public synchronized void preflight(Preflight preflight) {
        if (preflightShown) {
            return;
        }
        preflightShown = true;
        out.println(PreflightText.line(preflight));
        out.flush();
    }

    @Override
    public synchronized void planned(int entries, int results) {
        out.println("Running " + entries + " cases" + (results > 0 ? ", " + results + " results" : "")
                + "; one line per result (a case has one result per variant)");
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
        clearBar();
        out.println(line(index, total, result));
        if (terminal) {
            out.print(bar(index, total) + " results");
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
        String version = result.xMsVersion() == null ? "" : " @" + result.xMsVersion();
        String width = String.valueOf(total);
        String position = String.valueOf(number);
        // Built by hand: String.format parses its pattern anew for each of a run's hundreds of lines.
        return new StringBuilder(120).append('[').append(" ".repeat(Math.max(0, width.length() - position.length())))
                .append(position).append('/').append(width).append("] ").append(result.id()).append(' ')
                .append(result.title()).append(variant).append(version).append(" ... ").append(result.status())
                .append(' ').append(result.durationMillis()).append(" ms").toString();
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
