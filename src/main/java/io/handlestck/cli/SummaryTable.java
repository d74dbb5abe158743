package io.handlestck.cli;

import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Status;
import io.handlestck.report.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table {@code run} ends with: results (one per case variant) by level and status, and the pass rate of each level. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String render(RunSummary summary) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("level", "results"));
        for (Status status : Status.values()) {
            header.add(status.name());
        }
        header.add("pass rate");
        rows.add(header.toArray(String[]::new));
        for (Level level : Level.values()) {
            List<String> row = new ArrayList<>(List.of(level.name().toLowerCase(Locale.ROOT),
                    String.valueOf(summary.total(level))));
            for (Status status : Status.values()) {
                row.add(String.valueOf(summary.count(level, status)));
            }
            row.add(summary.passRateText(level));
            rows.add(row.toArray(String[]::new));
        }
        List<String> total = new ArrayList<>(List.of("all", String.valueOf(summary.total())));
        for (Status status : Status.values()) {
            total.add(String.valueOf(summary.count(status)));
        }
        total.add("");
        rows.add(total.toArray(String[]::new));

        int[] widths = new int[header.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String format = i == 0 ? "%-" + widths[i] + "s" : "  %" + widths[i] + "s";
                table.append(String.format(format, row[i]));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }
}
