package io.handlestck.kit.preflight;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Azurite's blob service, the emulator most Azure developers run, started for a test on 127.0.0.1 at
 * a free port with in-memory persistence. It comes from npm (the pinned version of bench/run.sh, in the
 * git-ignored bench/.work/); {@code .ci/run} installs it there and sets {@value #REQUIRED} so that a
 * missing Azurite fails CI instead of skipping. Elsewhere a missing Azurite skips the test, loudly.
 */
final class Azurite implements AutoCloseable {

    static final String VERSION = "3.37.0";
    static final String REQUIRED = "HANDLESTCK_REQUIRE_AZURITE";
    static final Path BINARY = Path.of("bench", ".work", "node_modules", ".bin", "azurite-blob");

    private final Process process;
    private final Path workDir;
    private final int port;

    private Azurite(Process process, Path workDir, int port) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
    }

    static Azurite start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String reason = "AZURITE NOT INSTALLED at " + BINARY.toAbsolutePath() + ": the preflight is NOT checked"
                    + " against Azurite here (cd bench/.work && npm install azurite@" + VERSION + "; .ci/run does)";
            if ("true".equals(System.getenv(REQUIRED))) {
                fail(reason);
            }
            System.err.println("*** " + reason + " ***");
            assumeTrue(false, reason);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path workDir = Files.createTempDirectory("handlestck-azurite-");
        Process process = new ProcessBuilder(BINARY.toAbsolutePath().toString(), "--blobHost", "127.0.0.1",
                "--blobPort", Integer.toString(port), "--inMemoryPersistence", "--silent", "--disableTelemetry")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("azurite.log").toFile())
                .start();
        Azurite azurite = new Azurite(process, workDir, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!azurite.listening()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                azurite.close();
                throw new IOException("Azurite did not start listening on 127.0.0.1:" + port + ": "
                        + Files.readString(workDir.resolve("azurite.log")));
            }
            Thread.sleep(100);
        }
        return azurite;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port + "/devstoreaccount1");
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(workDir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
