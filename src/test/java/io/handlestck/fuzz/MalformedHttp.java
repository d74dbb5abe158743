package io.handlestck.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Bytes below what any HTTP library sends: broken request lines, unknown versions, headers without
 * a colon, folded or NUL-carrying headers, lying or contradicting lengths, broken chunking, bare line
 * feeds, noise. Each goes on a connection of its own, so that no answer can be mistaken for another's.
 */
final class MalformedHttp {

    private static final List<String> VERSIONS = List.of("HTTP/9.9", "HTTP/1.2", "HTTP/2.0", "HTTP/1", "HTTP/1.1x",
            "http/1.1", "FOO/1.0", "HTTP/01.1", "");

    private MalformedHttp() {
    }

    /** One malformed request for a valid resource path {@code target} (which may itself be broken further). */
    static byte[] next(Random random, String target, String host) {
        String headers = "Host: " + host + "\r\nx-ms-version: " + RequestMutator.VERSION + "\r\nConnection: close\r\n";
        String text = switch (random.nextInt(16)) {
            case 0 -> "GET " + target + " " + pick(random, VERSIONS) + "\r\n" + headers + "\r\n";
            case 1 -> "GET " + target + "\r\n" + headers + "\r\n";
            case 2 -> "GET  " + target + "  HTTP/1.1\r\n" + headers + "\r\n";
            case 3 -> "GET " + target + " HTTP/1.1\r\n" + headers + "NoColonHere\r\n\r\n";
            case 4 -> "GET " + target + " HTTP/1.1\r\n" + headers + "x-ms-handle-id : 1\r\n\r\n";
            case 5 -> "GET " + target + " HTTP/1.1\r\n" + headers + "x-ms-recursive: true\r\n folded\r\n\r\n";
            case 6 -> "GET " + target + " HTTP/1.1\r\n" + headers + "x-ms-marker: a\u0000b\r\n\r\n";
            case 7 -> "PUT " + target + " HTTP/1.1\r\n" + headers + "Content-Length: abc\r\n\r\n";
            case 8 -> "PUT " + target + " HTTP/1.1\r\n" + headers + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd";
            case 9 -> "PUT " + target + " HTTP/1.1\r\n" + headers + "Content-Length: 10\r\n\r\nabc";
            case 10 -> "PUT " + target + " HTTP/1.1\r\n" + headers + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n";
            case 11 -> "PUT " + target + " HTTP/1.1\r\n" + headers + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
            case 12 -> "GET " + target + " HTTP/1.1\n" + headers.replace("\r\n", "\n") + "\n";
            case 13 -> "GET " + target + " HTTP/1.1\r\n" + headers + "X-Big: " + "b".repeat(9_000 + random.nextInt(20_000)) + "\r\n\r\n";
            case 14 -> "GET " + target + " HTTP/1.1\r\n" + headers;
            default -> noise(random);
        };
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String noise(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
