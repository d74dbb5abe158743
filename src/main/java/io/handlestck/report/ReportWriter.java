package io.handlestck.report;

import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes the four reports of a run into one directory: {@code report.json}, {@code report.html},
 * {@code report.md} and, when JUnit ran, {@code junit.xml}. Every file is scrubbed of the secrets
 * the caller knows, whatever the kit already removed.
 */
public final class ReportWriter {

    private final SecretScrubber scrubber;
    private final boolean certify;
    private final Set<Status> failOn;

    /**
     * @param knownSecrets literal secrets of the run (the account key) to remove from every file
     * @param certify      whether the run is a certification run; it changes the verdict
     */
    public ReportWriter(Collection<String> knownSecrets, boolean certify) {
        this(knownSecrets, certify, Set.of());
    }

    /** @param failOn statuses that also fail the run ({@code --fail-on}); they change the verdict too */
    public ReportWriter(Collection<String> knownSecrets, boolean certify, Set<Status> failOn) {
        this.scrubber = new SecretScrubber(knownSecrets);
        this.certify = certify;
        this.failOn = Set.copyOf(failOn);
    }

    /**
     * @param junit the JUnit XML collected during the run, or null when none was collected
     * @return the files written, in the order above
     */
    public List<Path> write(RunReport report, Path dir, JUnitXmlReport junit) throws IOException {
        Files.createDirectories(dir);
        RunReport scrubbed = scrubber.scrub(report);
        // A stale junit.xml from an earlier run would be read by CI as this run's result.
        Path junitFile = dir.resolve(JUnitXmlReport.FILE_NAME);
        Files.deleteIfExists(junitFile);
        // junit.xml (parsing JUnit's own files and transforming them again) takes as long as the other
        // three together, on a core the end of a run leaves idle: it is written beside them.
        FutureTask<Boolean> junitWritten = new FutureTask<>(() -> junit != null
                && junit.writeTo(dir, scrubber, PreflightText.junitProperties(scrubbed.preflight())));
        new Thread(junitWritten, "junit-xml-report").start();
        List<Path> written = new ArrayList<>();
        Path json = dir.resolve(ReportJson.FILE_NAME);
        ReportJson.write(scrubbed, json);
        written.add(json);
        Path html = dir.resolve(HtmlReport.FILE_NAME);
        HtmlReport.write(scrubbed, new RunSummary(scrubbed).green(certify, failOn), html);
        written.add(html);
        Path markdown = dir.resolve(MarkdownReport.FILE_NAME);
        Files.writeString(markdown, MarkdownReport.render(scrubbed, certify, failOn));
        written.add(markdown);
        if (junitWritten(junitWritten)) {
            written.add(junitFile);
        }
        return written;
    }

    private static boolean junitWritten(FutureTask<Boolean> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + JUnitXmlReport.FILE_NAME, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("cannot write " + JUnitXmlReport.FILE_NAME, e.getCause());
        }
    }
}
