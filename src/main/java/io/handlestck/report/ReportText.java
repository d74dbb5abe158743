package io.handlestck.report;

import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.TargetInfo;
import java.time.Duration;

/** Small text helpers shared by the Markdown writers and the terminal output. */
final class ReportText {

    private static final int MESSAGE_LIMIT = 300;

    private ReportText() {
    }

    /** How a target is named in titles and compare columns: its product when known, else its endpoint. */
    static String targetLabel(RunReport report) {
        TargetInfo target = report.target();
        if (target == null) {
            return "unknown target";
        }
        String product = firstNonBlank(target.product(), target.serverHeader());
        String endpoint = target.endpoint() == null ? "unknown endpoint" : target.endpoint();
        return product == null ? endpoint : product + " (" + endpoint + ")";
    }

    /** The first line of a message, shortened: tables hold a reason, not a stack of them. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > MESSAGE_LIMIT ? line.substring(0, MESSAGE_LIMIT) + "…" : line;
    }

    /** A Markdown table cell: pipes escaped, line breaks flattened, {@code <} kept from starting HTML. */
    static String cell(String text) {
        return text == null ? "" : CarriableText.of(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
                .replaceAll("\\R", " ");
    }

    static String duration(RunReport report) {
        if (report.startedAt() == null || report.endedAt() == null) {
            return "unknown";
        }
        Duration duration = Duration.between(report.startedAt(), report.endedAt());
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
