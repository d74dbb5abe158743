package io.handlestck.report;

import io.handlestck.kit.result.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code report.html}: one self-contained page (inline CSS and JavaScript, no network) with the run
 * embedded as JSON. The page counts, filters and expands from that data in the browser, so the
 * numbers a reader sees are computed from the same cases {@code report.json} holds.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";

    private static final String TEMPLATE = readResource("report.html");
    /** The specification's documented behaviours, each mapped to the case ids that check it. */
    static final String BEHAVIOURS_RESOURCE = "behaviours.json";
    private static final String BEHAVIOURS = readResource(BEHAVIOURS_RESOURCE);

    private HtmlReport() {
    }

    /** @param green the verdict, decided by {@link RunSummary#green} with the rules of the exit code */
    public static String render(RunReport report, boolean green) {
        return TEMPLATE
                .replace("__HANDLES_TCK_VERDICT_CLASS__", green ? "green" : "red")
                .replace("__HANDLES_TCK_VERDICT__", green ? "PASSED" : "FAILED")
                .replace("__HANDLES_TCK_BEHAVIOURS__", BEHAVIOURS.replace("<", "\\u003C"))
                // Last, so that nothing in the data can be mistaken for a placeholder.
                .replace("__HANDLES_TCK_REPORT_DATA__", ReportJson.toJsonForHtml(report));
    }

    private static String readResource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the kit jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
