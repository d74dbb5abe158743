package io.handlestck.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.handlestck.testsupport.EmbeddedServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that Jetty's parser refuses itself (a header block over the limit, a header without a
 * colon, an unknown HTTP version) must leave every other connection alone. On Jetty 12.1.13 and
 * 12.1.14 it did not: two threads ran the refused connection's read loop at once, and one of them
 * filled a request buffer the other had already given back to the pool, where another connection
 * had taken it. A kept-alive connection then got the refused request's bytes in front of its next
 * status line, had its own request misread (400), or was closed after an ordinary answer (the long
 * fuzz run's failures). The race is narrow, so this repeats the pattern 3,000 times; without the fix
 * it failed at rounds 517 and 1,575 of two runs.
 */
class RefusedRequestIsolationTest {

    private static final int ROUNDS = 3_000;
    private static final String HEADERS = "Host: 127.0.0.1\r\nx-ms-version: 2024-05-04\r\nConnection: close\r\n";
    private static final String TARGET = "/devstoreaccount1/s/f.txt?comp=listhandles";
    private static final byte[] ORDINARY_REQUEST = ("GET " + TARGET + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-ms-version: 2024-05-04\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.withDefaults();

    @Test
    void aKeptAliveConnectionsAnswersStayIntactWhileOtherConnectionsAreRefused() throws IOException {
        Random random = new Random(20261202);
        try (Socket keptAlive = new Socket("127.0.0.1", SERVER.server().port())) {
            keptAlive.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(keptAlive.getInputStream());
            OutputStream out = keptAlive.getOutputStream();
            for (int round = 0; round < ROUNDS; round++) {
                String refused = refusedRequest(random);
                String refusal = exchangeAlone(refused);
                assertThat(refusal).as("round %d: the refusal itself", round).startsWith("HTTP/1.1 ").contains("<Code>");

                // The refused connection's second read loop runs a moment after its answer: a few exchanges cover that moment.
                for (int exchange = 0; exchange < 3; exchange++) {
                    out.write(ORDINARY_REQUEST);
                    out.flush();
                    checkAnswer(in, round, refused);
                }
            }
        }
    }

    /** One request of a kind the parser refuses before the handler sees it; each asks for Connection: close. */
    private static String refusedRequest(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "GET " + TARGET + " HTTP/1.1\r\n" + HEADERS + "X-Big: " + "b".repeat(9_000 + random.nextInt(20_000)) + "\r\n\r\n";
            case 1 -> "GET " + TARGET + " HTTP/1.1\r\n" + HEADERS + "NoColonHere\r\n\r\n";
            default -> "GET " + TARGET + " HTTP/9.9\r\n" + HEADERS + "\r\n";
        };
    }

    /** Sends a request on a connection of its own, ends the sending side and reads until the server closes. */
    private static String exchangeAlone(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", SERVER.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads one answer off the kept-alive connection: a status line, headers without Connection: close, the body. */
    private static void checkAnswer(InputStream in, int round, String refused) throws IOException {
        String after = "round " + round + ", after a refused " + refused.substring(0, Math.min(refused.length(), 120))
                .replace("\r\n", "\\r\\n") + "…";
        String statusLine = line(in);
        if (statusLine == null) {
            fail("the kept-alive connection was closed without an answer, " + after);
        }
        assertThat(statusLine).as(after).startsWith("HTTP/1.1 403 ");
        int contentLength = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lowerCase = header.toLowerCase(Locale.ROOT);
            assertThat(lowerCase).as(after).doesNotStartWith("connection:");
            if (lowerCase.startsWith("content-length:")) {
                contentLength = Integer.parseInt(header.substring("content-length:".length()).strip());
            }
        }
        assertThat(contentLength).as(after).isPositive();
        byte[] body = in.readNBytes(contentLength);
        assertThat(new String(body, StandardCharsets.UTF_8)).as(after).contains("<Code>", "</Error>");
    }

    /** One CRLF-terminated line, or null when the stream ends before it starts. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new IOException("the answer ended inside a line: " + line.toString(StandardCharsets.ISO_8859_1));
    }
}
