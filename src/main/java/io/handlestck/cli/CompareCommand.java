package io.handlestck.cli;

import io.handlestck.kit.result.RunReport;
import io.handlestck.report.Comparison;
import io.handlestck.report.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare A.json B.json …}: runs side by side, cases × targets, differences first. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare report.json files side by side: a matrix of cases x targets, differences first.",
                "Writes compare.md and compare.html and prints the cases that differ."})
final class CompareCommand implements Callable<Integer> {

    static final String MARKDOWN_FILE = "compare.md";
    static final String HTML_FILE = "compare.html";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "REPORT", description = "report.json files of the runs to compare (two or more).")
    List<Path> reports;

    @Option(names = "--out", paramLabel = "DIR", description = "Where compare.md and compare.html go (default: reports/compare/).")
    Path outDir = Path.of("reports", "compare");

    @Override
    public Integer call() throws IOException {
        List<RunReport> runs = new ArrayList<>();
        for (Path file : reports) {
            try {
                runs.add(ReportJson.read(file));
            } catch (IOException e) {
                throw new UsageException("cannot compare " + file + ": " + e.getMessage());
            }
        }
        List<String> labels = Comparison.labels(runs);
        List<Comparison.Column> columns = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            columns.add(new Comparison.Column(labels.get(i), runs.get(i)));
        }
        Comparison comparison = Comparison.of(columns);
        RunCommand.requireWritableDirectory(outDir, "--out");
        Files.writeString(outDir.resolve(MARKDOWN_FILE), comparison.markdown());
        Files.writeString(outDir.resolve(HTML_FILE), comparison.html());

        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < columns.size(); i++) {
            out.println((i + 1) + ": " + columns.get(i).label() + " (" + reports.get(i) + ")");
        }
        out.println(comparison.differences().size() + " of " + comparison.rows().size() + " cases differ:");
        for (Comparison.Row row : comparison.differences()) {
            out.println("  " + row.key() + "\t" + String.join("\t",
                    row.statuses().stream().map(status -> status == null ? "-" : status.name()).toList()));
        }
        out.println("Written: " + outDir.resolve(MARKDOWN_FILE) + ", " + outDir.resolve(HTML_FILE));
        return 0;
    }
}
