package io.handlestck.report;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code report.md}: the summary and the cases that did not pass, short enough to paste into a pull
 * request description. Everything else is in {@code report.html} and {@code report.json}.
 */
public final class MarkdownReport {

    public static final String FILE_NAME = "report.md";
    /** Rows of the failure table; beyond it the page would outgrow a pull request description (64 KiB). */
    static final int MAX_PROBLEM_ROWS = 100;

    private MarkdownReport() {
    }

    public static String render(RunReport report, boolean certify) {
        return render(report, certify, Set.of());
    }

    /** @param failOn statuses that also fail the run ({@code --fail-on}) */
    public static String render(RunReport report, boolean certify, Set<Status> failOn) {
        RunSummary summary = new RunSummary(report);
        StringBuilder md = new StringBuilder();
        md.append("# Handles TCK: ").append(ReportText.targetLabel(report)).append("\n\n");
        md.append("**").append(summary.green(certify, failOn) ? "PASSED" : "FAILED").append("**: ")
                .append(summary.count(Status.PASS)).append(" of ").append(summary.total())
                .append(" results passed (one result per case variant)");
        if (certify) {
            md.append(" (certification run)");
        }
        md.append(".\n\n");
        md.append("> **").append(ReportText.cell(PreflightText.line(report.preflight()))).append("**\n\n");
        if (report.error() != null) {
            md.append("> **The run broke:** ").append(ReportText.cell(report.error())).append("\n\n");
        }
        md.append("- Target: `").append(report.target() == null ? "unknown" : report.target().endpoint())
                .append("`, account `").append(report.target() == null ? "" : report.target().account())
                .append("`, handles opened by `")
                .append(report.target() == null ? "" : report.target().provisioner()).append("`\n");
        md.append("- x-ms-version: `").append(report.xMsVersion()).append("`\n");
        md.append("- Kit: handles-tck ").append(report.kitVersion());
        if (report.kitJarSha256() != null) {
            md.append(" (jar SHA-256 `").append(report.kitJarSha256()).append("`)");
        }
        md.append("\n- Run `").append(report.runId()).append("`, started ").append(report.startedAt())
                .append(", took ").append(ReportText.duration(report)).append("\n\n");

        md.append("| Level | Results |");
        for (Status status : Status.values()) {
            md.append(' ').append(status).append(" |");
        }
        md.append(" Pass rate |\n|---|---:|");
        md.append("---:|".repeat(Status.values().length)).append("---:|\n");
        for (Level level : Level.values()) {
            md.append("| ").append(level.name().toLowerCase(Locale.ROOT)).append(" | ").append(summary.total(level))
                    .append(" |");
            for (Status status : Status.values()) {
                md.append(' ').append(summary.count(level, status)).append(" |");
            }
            md.append(' ').append(summary.passRateText(level)).append(" |\n");
        }

        md.append(VersionMatrixMarkdown.render(report));

        List<CaseResult> problems = summary.problems(certify, failOn);
        md.append("\n## Cases that did not pass (").append(problems.size()).append(")\n\n");
        if (problems.isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Case | Title | Level | Status | Why |\n|---|---|---|---|---|\n");
            for (CaseResult result : problems.subList(0, Math.min(problems.size(), MAX_PROBLEM_ROWS))) {
                md.append("| ").append(ReportText.cell(RunSummary.key(result)))
                        .append(" | ").append(ReportText.cell(result.title()))
                        .append(" | ").append(result.level().name().toLowerCase(Locale.ROOT))
                        .append(" | ").append(result.status())
                        .append(" | ").append(ReportText.cell(ReportText.firstLine(result.message())))
                        .append(" |\n");
            }
            if (problems.size() > MAX_PROBLEM_ROWS) {
                md.append("\n…and ").append(problems.size() - MAX_PROBLEM_ROWS)
                        .append(" more: see report.html or report.json.\n");
            }
        }
        return md.toString();
    }
}
