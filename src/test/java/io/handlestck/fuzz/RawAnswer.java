package io.handlestck.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP answer as it came off the socket: status, headers in wire order (names lower-cased) and
 * body bytes (already de-chunked).
 */
record RawAnswer(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** The first value of a header, or null. */
    String header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equals(wanted)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** How often a header occurs. */
    long headerCount(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(header -> header.getKey().equals(wanted)).count();
    }

    /** True when the server said it closes the connection after this answer. */
    boolean closesConnection() {
        String connection = header("connection");
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String text = text();
        return status + " " + headers + "\n" + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
    }
}
