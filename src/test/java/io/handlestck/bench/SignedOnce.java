package io.handlestck.bench;

import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.WireClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request signed once, kept with exactly the headers it was signed with, to be sent again
 * unchanged: by wrk (bench/replay.lua reads {@link #requestFile()}), or by a driver that times the
 * server's first byte apart from the transfer of the body, which {@link SignedRequest#send()} cannot.
 * SharedKey carries no nonce, so the signature holds for the server's 15-minute clock-skew window.
 */
record SignedOnce(String method, URI uri, Map<String, String> headers) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Dates and signs a request built by {@code client}. Every header besides the date and the version
     * must come through {@code headers}, because a {@link SignedRequest} does not tell which headers
     * it holds: build the request without header-setting helpers.
     */
    static SignedOnce sign(WireClient client, String method, SignedRequest request, Map<String, String> headers) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("x-ms-date", SignedRequest.rfc1123(ZonedDateTime.now(ZoneOffset.UTC)));
        signed.put("x-ms-version", client.version());
        signed.putAll(headers);
        signed.forEach(request::header);
        signed.put("Authorization", request.authorizationHeader());
        return new SignedOnce(method, request.uri(), Map.copyOf(signed));
    }

    /** The request-file format of replay.lua: the method, the path and query, then one header a line. */
    String requestFile() {
        StringBuilder text = new StringBuilder()
                .append(method).append('\n')
                .append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append('\n');
        new TreeMap<>(headers).forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    /**
     * One exchange, timed twice: until the status line and headers arrived (the server has built its
     * whole answer by then: it sends a Content-Length) and until the last body byte was read.
     */
    record Timed(int status, long firstByteNanos, long totalNanos, byte[] body) {
    }

    Timed send() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        try {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            long firstByte = System.nanoTime() - start;
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
            return new Timed(response.statusCode(), firstByte, System.nanoTime() - start, body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
