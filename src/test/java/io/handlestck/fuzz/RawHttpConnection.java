package io.handlestck.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, bytes exactly as given: no client library would send most of what
 * the fuzzer sends (raw non-ASCII in the request line, broken escapes, duplicate or empty headers).
 * One connection is kept alive across requests; it is reopened when the server closes it.
 */
final class RawHttpConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 20_000;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends one complete request on the kept-alive connection and reads its answer.
     *
     * @param headRequest true for HEAD, whose answer has headers but no body
     */
    RawAnswer exchange(byte[] request, boolean headRequest) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(request);
        out.flush();
        RawAnswer answer = read(in, headRequest);
        if (answer == null) {
            throw new EOFException("the server closed the connection without answering");
        }
        if (answer.closesConnection()) {
            close();
        }
        return answer;
    }

    /**
     * Sends bytes that may not even be a complete request on a connection of their own, ends the
     * sending side and reads what comes back: null when the server closed without answering (which
     * is a server's right for bytes that are not HTTP).
     */
    static RawAnswer once(String host, int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
            try {
                return read(new BufferedInputStream(socket.getInputStream()), false);
            } catch (java.net.SocketException e) {
                // A reset after the server refused the bytes is not an answer.
                return null;
            }
        }
    }

    private void open() throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
        out = socket.getOutputStream();
    }

    /** Reads one answer, skipping 1xx interim answers; null on a clean end of stream before any byte. */
    private static RawAnswer read(InputStream in, boolean headRequest) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                return null;
            }
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed answer header: " + header);
                }
                headers.add(new SimpleImmutableEntry<>(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip()));
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            RawAnswer head = new RawAnswer(status, headers, new byte[0]);
            if (headRequest || status == 204 || status == 304) {
                return head;
            }
            String chunked = head.header("transfer-encoding");
            byte[] body;
            if (chunked != null && chunked.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = chunkedBody(in);
            } else if (head.header("content-length") != null) {
                body = in.readNBytes(Math.min(MAX_BODY, Integer.parseInt(head.header("content-length"))));
            } else {
                body = in.readNBytes(MAX_BODY);
            }
            return new RawAnswer(status, headers, body);
        }
    }

    private static byte[] chunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new EOFException("chunked answer ended early");
            }
            int length = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used by the server; read past them
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    /** One CRLF-terminated line as ISO-8859-1, or null at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new EOFException("answer ended inside a line: " + line.toString(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the server already closed
            }
            socket = null;
        }
    }
}
