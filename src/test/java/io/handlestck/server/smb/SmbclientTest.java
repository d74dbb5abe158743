package io.handlestck.server.smb;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samba's {@code smbclient} (the Debian package CI installs) against the SMB endpoint with signing
 * required: list, get, put, and a handle held open through stdin that a REST Force Close closes.
 */
class SmbclientTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.smbPort(0));

    private final WireClient rest = SERVER.client();

    @Test
    void listsGetsAndPutsWithSigningRequired(@TempDir Path temp) throws Exception {
        String share = EmbeddedServer.newShareName();
        rest.createTree(share, "d/", "d/existing.txt");
        Path upload = temp.resolve("up.txt");
        Files.writeString(upload, "uploaded by smbclient\n");
        Path download = temp.resolve("down.txt");
        String output = run(share, "ls d\\*; put " + upload + " d\\up.txt; get d\\up.txt " + download);
        assertThat(output).contains("existing.txt").doesNotContain("NT_STATUS");
        assertThat(Files.readString(download)).isEqualTo("uploaded by smbclient\n");
        assertThat(WireClient.expect(rest.request("HEAD", share, "d/up.txt").send(), 200).header("Content-Length"))
                .contains(Long.toString(Files.size(upload)));
        assertThat(rest.listAllHandles(Scope.root(share).recursively(), null)).isEmpty();
    }

    @Test
    void aHandleHeldOpenIsListedAndAfterForceCloseItsCloseReportsFileClosed() throws Exception {
        String share = EmbeddedServer.newShareName();
        rest.createTree(share, "held.txt");
        Process smbclient = start(share, List.of()).redirectErrorStream(true).start();
        BlockingQueue<String> lines = lines(smbclient);
        try (OutputStream stdin = smbclient.getOutputStream()) {
            send(stdin, "open held.txt");
            String opened = await(lines, Pattern.compile("fnum (\\d+)"));
            Matcher fnum = Pattern.compile("fnum (\\d+)").matcher(opened);
            assertThat(fnum.find()).isTrue();

            List<ListedHandle> listed = rest.listAllHandles(Scope.of(share, "held.txt"), null);
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).clientIp()).startsWith("127.0.0.1:");
            assertThat(listed.get(0).clientName()).isEqualTo("TCKSMBCLIENT");
            assertThat(rest.forceCloseAll(Scope.of(share, "held.txt"), "*").closed()).isEqualTo(1);

            send(stdin, "close " + fnum.group(1));
            assertThat(await(lines, Pattern.compile("NT_STATUS_\\w+"))).contains("NT_STATUS_FILE_CLOSED");
            send(stdin, "quit");
        } finally {
            smbclient.destroy();
            smbclient.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(rest.listAllHandles(Scope.of(share, "held.txt"), null)).isEmpty();
    }

    private String run(String share, String commands) throws IOException, InterruptedException {
        Process smbclient = start(share, List.of("-c", commands)).redirectErrorStream(true).start();
        String output = new String(smbclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(smbclient.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(smbclient.exitValue()).as(output).isZero();
        return output;
    }

    /** smbclient with signing required, line-buffered (stdbuf) so that a test can read its answers as they come. */
    private static ProcessBuilder start(String share, List<String> extra) {
        List<String> command = new ArrayList<>(List.of("stdbuf", "-oL", "smbclient", "//127.0.0.1/" + share,
                "-p", Integer.toString(SERVER.server().smbPort()),
                "-U", "AZURE\\" + SERVER.server().account() + "%" + SERVER.server().key(),
                "--option=client signing=required", "-n", "TCKSMBCLIENT"));
        command.addAll(extra);
        return new ProcessBuilder(command);
    }

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void send(OutputStream stdin, String command) throws IOException {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static String await(BlockingQueue<String> lines, Pattern pattern) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.append(line).append('\n');
            if (pattern.matcher(line).find()) {
                return line;
            }
        }
        throw new AssertionError("smbclient never printed " + pattern + "; it printed:\n" + seen);
    }
}
