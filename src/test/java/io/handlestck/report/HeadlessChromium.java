package io.handlestck.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, started headless by a test to render a report the way a reader's browser
 * would. Where it is not installed the calling test is skipped, loudly: {@code .ci/run} installs it,
 * so a skip means the machine is not set up like CI.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    /** The DOM after the page's scripts ran, serialized as HTML. */
    static String dumpDom(String fileUrl) throws IOException, InterruptedException {
        Path output = Files.createTempFile("handlestck-dom-", ".html");
        try {
            render(output, fileUrl, "--dump-dom");
            String dom = Files.readString(output, StandardCharsets.UTF_8);
            if (dom.isBlank()) {
                throw new IOException("chromium gave no DOM for " + fileUrl);
            }
            return dom;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** What a reader sees first: the page in a {@code width} x {@code height} window, as a PNG written to {@code png}. */
    static void screenshot(String fileUrl, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        render(null, fileUrl, "--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + png);
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("chromium wrote no screenshot of " + fileUrl);
        }
    }

    /** Runs Chromium once on {@code fileUrl}; its stdout goes to {@code output} (null: discarded). */
    private static void render(Path output, String fileUrl, String... action) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String reason = "HEADLESS CHROMIUM NOT INSTALLED at " + BINARY
                    + ": report.html is NOT checked in a real browser on this machine (apt-get install -y chromium; .ci/run does)";
            System.err.println("*** " + reason + " ***");
            assumeTrue(false, reason);
        }
        Path profile = Files.createTempDirectory("handlestck-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile));
            command.addAll(List.of(action));
            command.add(fileUrl);
            Process chromium = new ProcessBuilder(command)
                    .redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                throw new IOException("chromium did not finish rendering " + fileUrl + " within 90 s");
            }
            if (chromium.exitValue() != 0) {
                throw new IOException("chromium exited with " + chromium.exitValue() + " on " + fileUrl);
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
                for (Path path : all) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException ignored) {
                // Chromium may still be removing its own lock files; a temp profile left behind is harmless.
            }
        }
    }
}
