package io.handlestck.report;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The case × x-ms-version matrix of {@code report.md}, compact enough for a pull request: one row per
 * case (its worst variant), neighbouring versions with identical columns merged into one, and the cases
 * that passed at every version summed up in one line instead of listed. Empty for a run at one version.
 */
final class VersionMatrixMarkdown {

    /** Worst first: the status a case shows when its variants differ. */
    private static final List<Status> SEVERITY = List.of(Status.ERROR, Status.FAIL, Status.WARN, Status.COULD_NOT_TEST,
            Status.NOT_IMPLEMENTED, Status.PASS, Status.DISABLED, Status.NOT_APPLICABLE);
    private static final Map<Status, String> SYMBOL = Map.of(Status.PASS, "✅", Status.FAIL, "❌", Status.WARN, "⚠️",
            Status.ERROR, "💥", Status.COULD_NOT_TEST, "❔", Status.NOT_IMPLEMENTED, "➖", Status.NOT_APPLICABLE, "·",
            Status.DISABLED, "⏸");

    private VersionMatrixMarkdown() {
    }

    static String render(RunReport report) {
        List<String> versions = report.cases().stream().map(CaseResult::xMsVersion).filter(Objects::nonNull)
                .distinct().sorted().toList();
        if (versions.size() < 2) {
            return "";
        }
        Map<String, Map<String, Status>> matrix = new LinkedHashMap<>();
        for (CaseResult result : report.cases()) {
            if (result.xMsVersion() != null) {
                matrix.computeIfAbsent(result.id(), id -> new LinkedHashMap<>())
                        .merge(result.xMsVersion(), result.status(), VersionMatrixMarkdown::worse);
            }
        }
        List<List<String>> groups = mergedColumns(versions, matrix);
        List<String> shown = matrix.keySet().stream().filter(id -> matrix.get(id).values().stream()
                .anyMatch(status -> status != Status.PASS && status != Status.NOT_APPLICABLE)).toList();
        StringBuilder md = new StringBuilder("\n## Cases × x-ms-version (").append(versions.size()).append(" versions)\n\n");
        md.append(matrix.size() - shown.size()).append(" of ").append(matrix.size())
                .append(" cases passed at every version they apply to. ");
        SYMBOL.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> md.append(entry.getValue()).append(' ').append(entry.getKey()).append("  "));
        md.append("\n\n");
        if (shown.isEmpty()) {
            return md.toString();
        }
        md.append("| Case |");
        groups.forEach(group -> md.append(' ').append(group.size() == 1 ? group.get(0)
                : group.get(0) + " … " + group.get(group.size() - 1)).append(" |"));
        md.append("\n|---|").append(":-:|".repeat(groups.size())).append('\n');
        for (String id : shown) {
            md.append("| ").append(id).append(" |");
            for (List<String> group : groups) {
                Status status = matrix.get(id).get(group.get(0));
                md.append(' ').append(status == null ? "" : SYMBOL.get(status)).append(" |");
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    /** Neighbouring versions at which every case has the same status, as one column each. */
    private static List<List<String>> mergedColumns(List<String> versions, Map<String, Map<String, Status>> matrix) {
        List<List<String>> groups = new ArrayList<>();
        for (String version : versions) {
            List<String> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && sameColumn(matrix, last.get(0), version)) {
                last.add(version);
            } else {
                groups.add(new ArrayList<>(List.of(version)));
            }
        }
        return groups;
    }

    private static boolean sameColumn(Map<String, Map<String, Status>> matrix, String a, String b) {
        return matrix.values().stream().allMatch(row -> Objects.equals(row.get(a), row.get(b)));
    }

    private static Status worse(Status a, Status b) {
        return SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;
    }
}
