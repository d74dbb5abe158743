package io.handlestck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder a vendor hands in after {@code run --certify}: the reports, a {@code PRODUCT.yaml} to
 * fill in (what was certified, by whom), and a README with the exact command that reproduces the
 * run, so that a reviewer can run the same kit against the same target and expect the same result.
 */
public final class Submission {

    public static final String DIRECTORY = "submission";
    public static final String PRODUCT_FILE = "PRODUCT.yaml";
    public static final String README_FILE = "README.md";

    private static final ObjectMapper YAML = JsonMapper.builder(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build()).build();

    private Submission() {
    }

    /**
     * @param reportFiles       the run's report files, copied into the folder
     * @param reproduceCommand  the command line of the run, secrets already replaced by environment variables
     * @param passed            the certification verdict
     * @return the folder written
     */
    public static Path write(Path reportDir, RunReport report, List<Path> reportFiles, String reproduceCommand,
                             boolean passed) throws IOException {
        Path folder = reportDir.resolve(DIRECTORY);
        Files.createDirectories(folder);
        for (Path file : reportFiles) {
            Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(folder.resolve(PRODUCT_FILE), product(report, passed));
        Files.writeString(folder.resolve(README_FILE), readme(report, reportFiles, reproduceCommand, passed));
        return folder;
    }

    private static String product(RunReport report, boolean passed) throws IOException {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", "");
        product.put("version", "");
        product.put("vendor", "");
        product.put("contact", "");
        product.put("url", "");
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("endpoint", report.target() == null ? null : report.target().endpoint());
        target.put("account", report.target() == null ? null : report.target().account());
        target.put("serverHeader", report.target() == null ? null : report.target().serverHeader());
        target.put("provisioner", report.target() == null ? null : report.target().provisioner());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("runId", report.runId());
        run.put("kitVersion", report.kitVersion());
        run.put("kitJarSha256", report.kitJarSha256());
        run.put("xMsVersion", report.xMsVersion());
        run.put("startedAt", String.valueOf(report.startedAt()));
        run.put("result", passed ? "PASSED" : "FAILED");
        Map<String, Integer> counts = new LinkedHashMap<>();
        RunSummary summary = new RunSummary(report);
        for (Status status : Status.values()) {
            counts.put(status.name(), summary.count(status));
        }
        run.put("cases", counts);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("product", product);
        document.put("target", target);
        document.put("run", run);
        document.put("notes", "");
        return "# Handles TCK certification submission.\n"
                + "# Fill in `product` (and `notes` for anything a reviewer should know); `target` and `run`\n"
                + "# were written by the kit and must match report.json next to this file.\n"
                + YAML.writeValueAsString(document);
    }

    private static String readme(RunReport report, List<Path> reportFiles, String reproduceCommand, boolean passed) {
        StringBuilder md = new StringBuilder("# Handles TCK certification: ").append(ReportText.targetLabel(report))
                .append("\n\n**").append(passed ? "PASSED" : "FAILED").append("** — run `").append(report.runId())
                .append("`, kit ").append(report.kitVersion()).append(", x-ms-version `").append(report.xMsVersion())
                .append("`.\n\n");
        md.append("## Reproduce this run\n\n")
                .append("With the same kit jar");
        if (report.kitJarSha256() != null) {
            md.append(" (SHA-256 `").append(report.kitJarSha256()).append("`)");
        }
        md.append(" and the account key in the environment (it is never written to a report):\n\n```sh\n")
                .append("export HANDLESTCK_KEY='<the account key>'   # or HANDLESTCK_CONNECTION_STRING\n")
                .append(reproduceCommand).append("\n```\n\n");
        md.append("## What is in this folder\n\n")
                .append("- `PRODUCT.yaml`: what was certified; fill in the `product` section.\n");
        for (Path file : reportFiles) {
            md.append("- `").append(file.getFileName()).append("`: ").append(describe(file.getFileName().toString()))
                    .append('\n');
        }
        md.append("\nA certification run refuses to disable required cases and counts a required case that could\n")
                .append("not be tested as a failure.\n");
        return md.toString();
    }

    private static String describe(String fileName) {
        return switch (fileName) {
            case ReportJson.FILE_NAME -> "the whole run, machine-readable (schema: report.schema.json in the kit).";
            case HtmlReport.FILE_NAME -> "the same run for people: summary, filters, every exchange.";
            case MarkdownReport.FILE_NAME -> "summary and the cases that did not pass.";
            case JUnitXmlReport.FILE_NAME -> "the run in JUnit's XML format, for CI servers.";
            default -> "report.";
        };
    }
}
