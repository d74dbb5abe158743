package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.cli.HandlesTck;
import io.handlestck.server.ReferenceServer;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The {@code serve} command as a user runs it: a separate JVM ({@code java -cp … io.handlestck.cli.HandlesTck serve}),
 * which prints the endpoint line and the connection-string line and then serves signed requests, configured by flags
 * or HANDLESTCK_* variables; a taken port, a bad flag, a bad variable or an unknown defect give one line on stderr
 * and exit code 2 (checked in this JVM where no variable is involved, to save JVM starts).
 */
class ServeCommandTest {

    private static final Pattern ENDPOINT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/([a-z0-9]+)");
    private static final Pattern CONNECTION_STRING = Pattern.compile("DefaultEndpointsProtocol=\\S+");
    /** Only guards against a hung child JVM; no test asserts how fast it starts. */
    private static final long HANG_GUARD_SECONDS = 60;

    @Test
    void servePrintsTheEndpointAndConnectionStringAndServesSignedRequests() throws Exception {
        try (Serving serving = Serving.start("--port", "0")) {
            assertThat(serving.endpoint.getPort()).isPositive();
            assertThat(serving.connectionString).contains("AccountName=" + ReferenceServer.DEV_ACCOUNT + ";")
                    .contains("AccountKey=" + ReferenceServer.DEV_KEY + ";")
                    .contains("FileEndpoint=" + serving.endpoint + ";");

            WireClient client = WireClient.pathStyle(serving.endpoint, ReferenceServer.DEV_ACCOUNT, ReferenceServer.DEV_KEY);
            String share = "served-" + serving.endpoint.getPort();
            client.createTree(share, "f.txt");
            client.openHandles(share, "f.txt", 2);
            assertThat(client.listHandles(Scope.of(share, "f.txt"), null, null).handles()).hasSize(2);
            assertThat(client.forceCloseAll(Scope.of(share, "f.txt"), "*").closed()).isEqualTo(2);
            WireResponse health = client.requestOutsideAccount("GET", "/$health").scheme(SignedRequest.Scheme.NONE).send();
            assertThat(health.status()).isEqualTo(200);
        }
    }

    @Test
    void serveTakesAccountKeyPageSizeAndNoFixturesFromFlags() throws Exception {
        String key = Base64.getEncoder().encodeToString("a key of our own for the serve test".getBytes(StandardCharsets.UTF_8));
        try (Serving serving = Serving.start("--port", "0", "--account", "vendoracct", "--key", key, "--force-close-page-size", "2")) {
            assertThat(serving.endpoint.getPath()).isEqualTo("/vendoracct");
            WireClient client = WireClient.pathStyle(serving.endpoint, "vendoracct", key);
            WireResponse root = WireClient.expect(client.fixtureRequest("GET", "").send(), 200);
            assertThat(root.json().path("forceClosePageSize").asInt()).isEqualTo(2);
            WireResponse wrongKey = WireClient.pathStyle(serving.endpoint, "vendoracct", ReferenceServer.DEV_KEY)
                    .listHandlesRequest(Scope.root("any-share")).send();
            assertThat(wrongKey.status()).isEqualTo(403);
        }
        try (Serving serving = Serving.start("--port", "0", "--no-fixtures")) {
            WireClient client = WireClient.pathStyle(serving.endpoint, ReferenceServer.DEV_ACCOUNT, ReferenceServer.DEV_KEY);
            WireResponse response = client.fixtureRequest("GET", "").send();
            assertThat(response.status()).isEqualTo(404);
            response.errorElement();
        }
    }

    @Test
    void serveSwitchesOnTheNamedDefects() throws Exception {
        try (Serving serving = Serving.start("--port", "0", "--defect", "NO_BOM", "--defect", "request-id-reused")) {
            WireClient client = WireClient.pathStyle(serving.endpoint, ReferenceServer.DEV_ACCOUNT, ReferenceServer.DEV_KEY);
            client.createShare("defects");
            WireResponse first = WireClient.expect(client.listHandlesRequest(Scope.root("defects")).send(), 200);
            WireResponse second = WireClient.expect(client.listHandlesRequest(Scope.root("defects")).send(), 200);
            assertThat(first.startsWithBom()).as("NO_BOM is on").isFalse();
            assertThat(first.header("x-ms-request-id")).as("REQUEST_ID_REUSED is on").isEqualTo(second.header("x-ms-request-id"));
        }
    }

    /** The container image configures the server through HANDLESTCK_* variables; a flag still wins over its variable. */
    @Test
    void serveReadsItsSettingsFromTheEnvironmentAndFlagsWin() throws Exception {
        Map<String, String> environment = Map.of("HANDLESTCK_SERVER_PORT", "0", "HANDLESTCK_SERVER_ACCOUNT", "envacct",
                "HANDLESTCK_SERVER_FORCE_CLOSE_PAGE_SIZE", "3", "HANDLESTCK_SERVER_DEFECTS", "NO_BOM");
        try (Serving serving = Serving.start(environment)) {
            assertThat(serving.endpoint.getPath()).isEqualTo("/envacct");
            WireClient client = WireClient.pathStyle(serving.endpoint, "envacct", ReferenceServer.DEV_KEY);
            assertThat(WireClient.expect(client.fixtureRequest("GET", "").send(), 200).json().path("forceClosePageSize").asInt())
                    .isEqualTo(3);
            client.createShare("envshare");
            assertThat(WireClient.expect(client.listHandlesRequest(Scope.root("envshare")).send(), 200).startsWithBom()).isFalse();
        }
        try (Serving serving = Serving.start(environment, "--account", "flagacct")) {
            assertThat(serving.endpoint.getPath()).isEqualTo("/flagacct");
        }
        try (Serving serving = Serving.start(Map.of("HANDLESTCK_SERVER_PORT", "0", "HANDLESTCK_SERVER_FIXTURES", "false"))) {
            WireClient client = WireClient.pathStyle(serving.endpoint, ReferenceServer.DEV_ACCOUNT, ReferenceServer.DEV_KEY);
            assertThat(client.fixtureRequest("GET", "").send().status()).isEqualTo(404);
        }
    }

    @Test
    void aBadEnvironmentValueIsOneLineAndExitCodeTwo() throws Exception {
        assertUsageError(run(Map.of("HANDLESTCK_SERVER_PORT", "not-a-port"), "serve"));
        assertUsageError(run(Map.of("HANDLESTCK_SERVER_FIXTURES", "maybe"), "serve", "--port", "0"));
        assertUsageError(run(Map.of("HANDLESTCK_SERVER_DEFECTS", "NOPE"), "serve", "--port", "0"));
        assertUsageError(run(Map.of("HANDLESTCK_SERVER_KEY", "not base64!"), "serve", "--port", "0"));
    }

    @Test
    void aTakenPortIsOneLineAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertUsageError(runInProcess("serve", "--port", Integer.toString(taken.getLocalPort())));
        }
    }

    @Test
    void aBadFlagIsOneLineAndExitCodeTwo() throws Exception {
        assertUsageError(runInProcess("serve", "--no-such-flag"));
        assertUsageError(runInProcess("serve", "--port", "not-a-port"));
        assertUsageError(runInProcess("serve", "--port", "70000"));
        assertUsageError(runInProcess("serve", "--force-close-page-size", "0"));
        assertUsageError(runInProcess("serve", "--account", "Not_An_Account"));
    }

    @Test
    void anUnknownDefectIsOneLineAndExitCodeTwo() throws Exception {
        Finished finished = runInProcess("serve", "--port", "0", "--defect", "NOPE");
        assertUsageError(finished);
        assertThat(finished.stderr.get(0)).contains("NOPE");
    }

    private static void assertUsageError(Finished finished) {
        assertThat(finished.exitCode).as("exit code; stderr %s", finished.stderr).isEqualTo(2);
        assertThat(finished.stderr).as("stderr").hasSize(1);
        assertThat(finished.stderr.get(0)).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(finished.stdout).as("stdout of a refused serve").noneMatch(line -> ENDPOINT.matcher(line).find());
    }

    /** {@code java -cp <test classpath> io.handlestck.cli.HandlesTck ARGS}, with extra environment variables and no inherited HANDLESTCK_*. */
    private static ProcessBuilder handlesTck(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.handlestck.cli.HandlesTck"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("HANDLESTCK_"));
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * Runs the command line inside this JVM, as the CLI tests do; fit for calls that must fail before serving.
     * A daemon thread and a guard keep a wrongly started server from hanging the test.
     */
    private static Finished runInProcess(String... arguments) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HandlesTck.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        FutureTask<Integer> execution = new FutureTask<>(() -> commandLine.execute(arguments));
        Thread thread = new Thread(execution, "handles-tck-in-process");
        thread.setDaemon(true);
        thread.start();
        try {
            int exitCode = execution.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            return new Finished(exitCode, nonBlankLines(out.toString()), nonBlankLines(err.toString()));
        } catch (TimeoutException stillServing) {
            throw new AssertionError("handles-tck " + String.join(" ", arguments) + " did not return: " + out);
        }
    }

    private static Finished run(Map<String, String> environment, String... arguments) throws Exception {
        Process process = handlesTck(environment, arguments).start();
        process.getOutputStream().close();
        if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("handles-tck " + String.join(" ", arguments) + " did not exit");
        }
        return new Finished(process.exitValue(), lines(process.getInputStream()), lines(process.getErrorStream()));
    }

    private static List<String> lines(InputStream stream) throws IOException {
        return nonBlankLines(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
    }

    private static List<String> nonBlankLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    private record Finished(int exitCode, List<String> stdout, List<String> stderr) {
    }

    /** A running {@code serve} child process; closing it stops that process (and only it). */
    private static final class Serving implements AutoCloseable {
        private final Process process;
        private final URI endpoint;
        private final String connectionString;

        private Serving(Process process, URI endpoint, String connectionString) {
            this.process = process;
            this.endpoint = endpoint;
            this.connectionString = connectionString;
        }

        static Serving start(String... flags) throws Exception {
            return start(Map.of(), flags);
        }

        static Serving start(Map<String, String> environment, String... flags) throws Exception {
            List<String> arguments = new ArrayList<>(List.of("serve"));
            arguments.addAll(List.of(flags));
            Process process = handlesTck(environment, arguments.toArray(String[]::new))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(stdout::add);
                } catch (IOException | UncheckedIOException closed) {
                    // the child was stopped; nothing more to read
                }
            }, "serve-stdout");
            reader.setDaemon(true);
            reader.start();
            URI endpoint = null;
            String connectionString = null;
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
            while ((endpoint == null || connectionString == null) && System.nanoTime() < deadline && process.isAlive()) {
                String line = stdout.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                seen.add(line);
                Matcher connection = CONNECTION_STRING.matcher(line);
                Matcher url = ENDPOINT.matcher(line);
                if (connection.find()) {
                    connectionString = connection.group();
                } else if (url.find()) {
                    endpoint = URI.create(url.group());
                }
            }
            if (endpoint == null || connectionString == null) {
                process.destroyForcibly();
                throw new AssertionError("serve " + String.join(" ", flags) + " printed no endpoint and connection string lines: " + seen
                        + (process.isAlive() ? "" : " (exited with " + process.waitFor() + ")"));
            }
            return new Serving(process, endpoint, connectionString);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
