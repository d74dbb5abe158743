package io.handlestck.report;

import io.handlestck.kit.result.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code report.html}: one self-contained page (inline CSS and JavaScript, no network) with the run
 * embedded as JSON. The page counts, filters and expands from that data in the browser, so the
 * numbers a reader sees are computed from the same cases {@code report.json} holds.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";

    private static final String DATA = "__HANDLES_TCK_REPORT_DATA__";
    private static final String TEMPLATE = readTemplate();
    /** The specification's documented behaviours, each mapped to the case ids that check it. */
    static final String BEHAVIOURS_RESOURCE = "behaviours.json";
    private static final String BEHAVIOURS = readResource(BEHAVIOURS_RESOURCE);

    private HtmlReport() {
    }

    /** @param green the verdict, decided by {@link RunSummary#green} with the rules of the exit code */
    public static String render(RunReport report, boolean green) {
        StringWriter out = new StringWriter();
        try {
            write(report, green, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@link #render} streamed into the file: the page holds the whole run, megabytes of it. */
    public static void write(RunReport report, boolean green, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, green, out);
        }
    }

    private static void write(RunReport report, boolean green, Writer out) throws IOException {
        int data = TEMPLATE.indexOf(DATA);
        // The data goes between the two halves of the page and is never searched for placeholders.
        out.write(withVerdict(TEMPLATE.substring(0, data), green));
        ReportJson.writeForHtml(report, out);
        out.write(withVerdict(TEMPLATE.substring(data + DATA.length()), green));
    }

    private static String withVerdict(String page, boolean green) {
        return page.replace("__HANDLES_TCK_VERDICT_CLASS__", green ? "green" : "red")
                .replace("__HANDLES_TCK_VERDICT__", green ? "PASSED" : "FAILED")
                .replace("__HANDLES_TCK_BEHAVIOURS__", BEHAVIOURS.replace("<", "\\u003C"));
    }

    private static String readTemplate() {
        String template = readResource("report.html");
        if (!template.contains(DATA)) {
            throw new IllegalStateException("report.html template has no " + DATA + " placeholder");
        }
        return template;
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
