package io.handlestck.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests malformed below the level any HTTP client library would send them (raw bytes on a
 * socket): Jetty's own refusals and the handler's parsing must both answer a 4xx with the
 * service's XML error body; the 500 InternalError guard must never be what answers them.
 */
class MalformedHttpTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.withDefaults();

    /** Sends raw bytes, reads the whole answer (the request asks the server to close). */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", SERVER.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static Stream<String> malformedRequests() {
        String headers = "Host: 127.0.0.1\r\nx-ms-version: 2024-05-04\r\nConnection: close\r\n";
        return Stream.of(
                "GET /devstoreaccount1/s/%zz?comp=listhandles HTTP/1.1\r\n" + headers + "\r\n",
                "GET /devstoreaccount1/s?comp=listhandles&marker=%E0%A4 HTTP/1.1\r\n" + headers + "\r\n",
                "GET /devstoreaccount1/s?comp=%%% HTTP/1.1\r\n" + headers + "\r\n",
                "GET /devstoreaccount1/s/../../etc/passwd?comp=listhandles HTTP/1.1\r\n" + headers + "\r\n",
                "GET /devstoreaccount1//s HTTP/1.1\r\n" + headers + "\r\n",
                "GET / HTTP/1.1\r\n" + headers + "\r\n",
                "OPTIONS * HTTP/1.1\r\n" + headers + "\r\n",
                "GET http://127.0.0.1 HTTP/1.1\r\n" + headers + "\r\n",
                "BREW /devstoreaccount1/s?restype=share HTTP/1.1\r\n" + headers + "\r\n",
                "PUT /devstoreaccount1/s?comp=forceclosehandles HTTP/1.1\r\n" + headers + "Content-Length: 5\r\n\r\nabcde",
                "GET /devstoreaccount1/s?comp=listhandles HTTP/1.1\r\n" + headers + "X-Big: " + "x".repeat(20_000) + "\r\n\r\n",
                "GET /devstoreaccount1/" + "a".repeat(20_000) + " HTTP/1.1\r\n" + headers + "\r\n",
                "GET /devstoreaccount1/s?comp=listhandles HTTP/1.1\r\n" + headers + "Authorization: SharedKey\r\n\r\n",
                "GET /devstoreaccount1/s?comp=listhandles HTTP/1.1\r\n" + headers + "Authorization: SharedKey devstoreaccount1:\r\n"
                        + "x-ms-date: yesterday\r\n\r\n",
                "POST /devstoreaccount1/$fixtures/handles HTTP/1.1\r\n" + headers + "Content-Length: 3\r\n\r\n{{{");
    }

    @ParameterizedTest
    @MethodSource("malformedRequests")
    void aMalformedRequestIsA4xxWithAnXmlErrorNeverTheInternalErrorGuard(String request) throws IOException {
        String answer = exchange(request);

        int status = Integer.parseInt(answer.substring(9, 12));
        assertThat(status).as(answer).isBetween(400, 499);
        assertThat(answer).as("XML error body").contains("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>");
        assertThat(answer).doesNotContain("InternalError").containsIgnoringCase("x-ms-error-code:")
                .containsIgnoringCase("x-ms-request-id:").contains("Server: HandlesTCK-Reference/");
    }

    @Test
    void aBodyDeclaredLargerThanEightMebibytesIsRefusedBeforeItIsSent() throws IOException {
        String answer = exchange("PUT /devstoreaccount1/s/f?comp=range HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Length: " + (8 * 1024 * 1024 + 1) + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413").contains("<Code>RequestBodyTooLarge</Code>");
        assertThat(answer).as("the unread body ends the connection, and the answer says so").contains("Connection: close");
    }

    /** A kept-alive connection whose body cannot be read is dropped after the answer: the answer must say so. */
    @Test
    void aBodyThatCannotBeReadIsRefusedWithConnectionClose() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", SERVER.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("PUT /devstoreaccount1/s/f?comp=range HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 14\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);

            assertThat(text).startsWith("HTTP/1.1 400").contains("<Code>").contains("Connection: close");
        }
    }

    /** The body is read without blocking a thread; a chunked body that outgrows the limit is still refused 413, not 400 or 500. */
    @Test
    void aChunkedBodyThatOutgrowsEightMebibytesIsRefused() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", SERVER.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            Thread sender = new Thread(() -> {
                byte[] chunk = new byte[1024 * 1024];
                try {
                    out.write(("PUT /devstoreaccount1/s/f?comp=range HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    for (int i = 0; i < 9; i++) {
                        out.write("100000\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException closedEarly) {
                    // the server may answer and close before the last chunk: that is the behaviour under test
                }
            });
            sender.start();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            sender.join(10_000);

            assertThat(answer.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 413").contains("<Code>RequestBodyTooLarge</Code>");
        }
    }

    @Test
    void theHealthEndpointAnswersWithoutAuthentication() throws IOException {
        String answer = exchange("GET /$health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"up\"}");
    }
}
