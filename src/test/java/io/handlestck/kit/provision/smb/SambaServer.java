package io.handlestck.kit.provision.smb;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Samba's {@code smbd} on 127.0.0.1 at a free port, with its own smb.conf, state directories, one
 * share and one user in a tdbsam database,
 * all in a temporary directory: a real SMB server to prove the kit's SMB client against. The user is
 * the one the test runs as, because Samba maps every SMB user to a local account. smbd runs in its own
 * process group: on exit it signals its whole group, which must not be the build's.
 */
final class SambaServer implements AutoCloseable {

    static final String SHARE = "kit";
    static final String PASSWORD = "kit-Secret-1";

    private final Path dir;
    private final int port;
    private final Process process;

    private SambaServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** @param extraGlobal lines added to {@code [global]}, e.g. {@code server smb encrypt = required} */
    static SambaServer start(String... extraGlobal) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("handlestck-samba-");
        for (String sub : List.of("share", "private", "lock", "state", "cache", "pid", "log", "ncalrpc")) {
            Files.createDirectories(dir.resolve(sub));
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String conf = String.join("\n", "[global]", "  workgroup = AZURE", "  server role = standalone server",
                "  smb ports = " + port, "  interfaces = 127.0.0.1", "  bind interfaces only = yes",
                "  private dir = " + dir.resolve("private"), "  lock directory = " + dir.resolve("lock"),
                "  state directory = " + dir.resolve("state"), "  cache directory = " + dir.resolve("cache"),
                "  pid directory = " + dir.resolve("pid"), "  ncalrpc dir = " + dir.resolve("ncalrpc"),
                "  log file = " + dir.resolve("log/log.%m"),
                "  passdb backend = tdbsam:" + dir.resolve("private/passdb.tdb"),
                "  load printers = no", "  printing = bsd", "  printcap name = /dev/null", "  disable spoolss = yes",
                "  server min protocol = SMB2_02", "  map to guest = never", String.join("\n", extraGlobal),
                "[" + SHARE + "]", "  path = " + dir.resolve("share"), "  read only = no", "");
        Path confFile = dir.resolve("smb.conf");
        Files.writeString(confFile, conf);
        Process add = new ProcessBuilder("smbpasswd", "-c", confFile.toString(), "-a", "-s", user())
                .redirectErrorStream(true).start();
        add.getOutputStream().write((PASSWORD + "\n" + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        add.getOutputStream().close();
        if (!add.waitFor(30, TimeUnit.SECONDS) || add.exitValue() != 0) {
            throw new IOException("smbpasswd -a failed: " + new String(add.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        Process smbd = new ProcessBuilder("smbd", "--foreground", "-s", confFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log/smbd.out").toFile()).start();
        SambaServer server = new SambaServer(dir, port, smbd);
        server.awaitListening();
        return server;
    }

    static String user() {
        return System.getProperty("user.name");
    }

    int port() {
        return port;
    }

    /** A file in the share, with content, as a REST client would have created it. */
    Path file(String path, String content) throws IOException {
        Path file = dir.resolve("share").resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("smbd exited: " + Files.readString(dir.resolve("log/smbd.out")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("smbd did not listen on port " + port + " within 30 s");
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
