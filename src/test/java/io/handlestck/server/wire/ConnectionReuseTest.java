package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/1.1 keep-alive after a refused request. Clients pool connections: when the server answers a bad
 * request and then drops the connection without saying {@code Connection: close}, the client's next request
 * on that connection fails with no answer at all. This is only visible on one raw connection, which no
 * pooling client exposes, so the test writes the two requests itself.
 */
class ConnectionReuseTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.withDefaults();

    @ParameterizedTest(name = "after {0}")
    @ValueSource(strings = {"/devstoreaccount1/share/%00?comp=forceclosehandles", "/devstoreaccount1/share/d%2e%2e/%2e%2e/%2e%2e?comp=listhandles",
            "/devstoreaccount1/share?comp=listhandles&maxresults=0", "/devstoreaccount1/share/%FF%FE?comp=listhandles"})
    void aRefusedRequestEitherAnnouncesTheCloseOrKeepsTheConnectionUsable(String badTarget) throws IOException {
        int port = SERVER.server().port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET " + badTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = readResponseHead(in);
            assertThat(first).as("answer to %s", badTarget).startsWith("HTTP/1.1 4");
            if (first.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
                return;
            }
            out.write(("GET /$health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponseHead(in)).as("second request on the kept-alive connection").startsWith("HTTP/1.1 200");
        }
    }

    /** Reads a status line and headers, then skips a Content-Length body; returns the head ("" at end of stream). */
    private static String readResponseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            head.write(next);
            matched = (next == '\r' || next == '\n') && "\r\n\r\n".charAt(matched) == next ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).strip()));
            }
        }
        return text;
    }
}
