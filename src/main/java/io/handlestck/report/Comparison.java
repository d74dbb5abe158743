package io.handlestck.report;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cases × targets: several runs side by side, rows where the targets answer differently first. A
 * case is identified by its id and variant, so the same case run against two targets lands on one
 * row whatever the targets' endpoints are.
 */
public final class Comparison {

    /** One compared run and the name of its column. */
    public record Column(String label, RunReport report) {
    }

    /**
     * One case across all columns.
     *
     * @param statuses one per column, null where that run did not have the case
     */
    public record Row(String key, String id, String title, String level, List<Status> statuses) {

        /** True when not every column has the same status (a missing case counts as different). */
        public boolean differs() {
            return new HashSet<>(statuses).size() > 1;
        }
    }

    private final List<Column> columns;
    private final List<Row> rows;

    private Comparison(List<Column> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    public static Comparison of(List<Column> columns) {
        Map<String, CaseResult> firstSeen = new LinkedHashMap<>();
        List<Map<String, Status>> statusByColumn = new ArrayList<>();
        for (Column column : columns) {
            Map<String, Status> statuses = new LinkedHashMap<>();
            for (CaseResult result : column.report().cases()) {
                String key = RunSummary.key(result);
                firstSeen.putIfAbsent(key, result);
                statuses.put(key, result.status());
            }
            statusByColumn.add(statuses);
        }
        List<Row> rows = new ArrayList<>();
        firstSeen.forEach((key, result) -> rows.add(new Row(key, result.id(), result.title(),
                result.level().name().toLowerCase(java.util.Locale.ROOT),
                statusByColumn.stream().map(statuses -> statuses.get(key)).toList())));
        // Differences first; within each group by case id then variant, stable for diffs between runs.
        rows.sort(Comparator.comparing((Row row) -> !row.differs()).thenComparing(Row::key));
        return new Comparison(columns, rows);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Row> differences() {
        return rows.stream().filter(Row::differs).toList();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Handles TCK: comparison of ").append(columns.size()).append(" runs\n\n");
        md.append(differences().size()).append(" of ").append(rows.size())
                .append(" cases differ between the targets; they come first.\n\n");
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            md.append(i + 1).append(". ").append(ReportText.cell(column.label())).append(": run `")
                    .append(column.report().runId()).append("`, x-ms-version `").append(column.report().xMsVersion())
                    .append("`\n");
        }
        md.append("\n| Case | Title | Level |");
        for (int i = 0; i < columns.size(); i++) {
            md.append(' ').append(i + 1).append(" |");
        }
        md.append(" Differs |\n|---|---|---|").append("---|".repeat(columns.size())).append("---|\n");
        for (Row row : rows) {
            md.append("| ").append(ReportText.cell(row.key())).append(" | ").append(ReportText.cell(row.title()))
                    .append(" | ").append(row.level()).append(" |");
            for (Status status : row.statuses()) {
                md.append(' ').append(status == null ? "—" : status.name()).append(" |");
            }
            md.append(row.differs() ? " **yes** |" : " |").append('\n');
        }
        return md.toString();
    }

    /** A self-contained page (no script needed): the same matrix, coloured by status. */
    public String html() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <title>Handles TCK comparison</title>
                <style>
                  body { font: 14px/1.45 system-ui, sans-serif; margin: 1rem 2rem; color: #1f2328; }
                  table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: .25rem .55rem; text-align: left; }
                  thead th { background: #f6f8fa; } tr.differs td:first-child { border-left: 4px solid #cf222e; }
                  .PASS { color: #1a7f37; } .FAIL { color: #cf222e; } .WARN { color: #9a6700; } .ERROR { color: #8250df; }
                  td.status { font-weight: 600; font-size: .8rem; } td.missing { color: #afb8c1; }
                </style></head><body>
                """);
        html.append("<h1>Handles TCK: comparison of ").append(columns.size()).append(" runs</h1>\n");
        html.append("<p id=\"difference-count\" data-differences=\"").append(differences().size()).append("\">")
                .append(differences().size()).append(" of ").append(rows.size())
                .append(" cases differ between the targets; they come first.</p>\n<table>\n<thead><tr><th>Case</th><th>Title</th><th>Level</th>");
        for (Column column : columns) {
            html.append("<th title=\"run ").append(escape(column.report().runId())).append("\">")
                    .append(escape(column.label())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append("<tr class=\"").append(row.differs() ? "differs" : "same").append("\" data-case=\"")
                    .append(escape(row.key())).append("\"><td>").append(escape(row.key())).append("</td><td>")
                    .append(escape(row.title())).append("</td><td>").append(row.level()).append("</td>");
            for (Status status : row.statuses()) {
                html.append(status == null ? "<td class=\"status missing\">not run</td>"
                        : "<td class=\"status " + status + "\">" + status + "</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n</body></html>\n").toString();
    }

    private static String escape(String text) {
        return CarriableText.of(Objects.requireNonNullElse(text, "")).replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Distinct labels for the columns: the target label, with the run id added where two runs share one. */
    public static List<String> labels(List<RunReport> reports) {
        List<String> labels = reports.stream().map(ReportText::targetLabel).toList();
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        labels.forEach(label -> {
            if (!seen.add(label)) {
                duplicated.add(label);
            }
        });
        List<String> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            String label = labels.get(i);
            out.add(duplicated.contains(label) ? label + " — run " + reports.get(i).runId() : label);
        }
        return out;
    }
}
