package io.handlestck.kit.client;

import io.handlestck.kit.result.Exchange;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records every exchange a case makes, scrubbed, for the report: a verdict is only as useful as the
 * trace that lets a vendor see what their server answered. Runs after the signer, so the recorded
 * request is the one that was sent.
 */
public final class ExchangeRecorder implements Filter {

    /** Bodies are cut here: enough to show an error or a page of handles, not to bloat reports. */
    public static final int BODY_EXCERPT_BYTES = 4096;

    private final Scrubber scrubber;
    private final Consumer<Exchange> sink;

    public ExchangeRecorder(Scrubber scrubber, Consumer<Exchange> sink) {
        this.scrubber = scrubber;
        this.sink = sink;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        long start = System.nanoTime();
        Response response = context.next(request, responseSpec);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Object body = request.getBody();
        byte[] requestBody = body == null ? null
                : body instanceof byte[] bytes ? bytes : body.toString().getBytes(StandardCharsets.UTF_8);
        sink.accept(exchange(scrubber, request.getMethod(), request.getURI(), map(request.getHeaders()), requestBody,
                response.getStatusCode(), map(response.getHeaders()), response.asByteArray(), millis));
        return response;
    }

    /** One exchange as reports show it: scrubbed, bodies cut to {@link #BODY_EXCERPT_BYTES}. */
    static Exchange exchange(Scrubber scrubber, String method, String url, Map<String, List<String>> requestHeaders,
                             byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                             byte[] responseBody, long millis) {
        return new Exchange(method, scrubber.text(url), scrubber.headers(requestHeaders),
                requestBody == null ? null : scrubber.text(excerpt(requestBody)), status, scrubber.headers(responseHeaders),
                scrubber.text(excerpt(responseBody)), millis);
    }

    private static Map<String, List<String>> map(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Header header : headers) {
            out.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return out;
    }

    private static String excerpt(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        int length = Math.min(bytes.length, BODY_EXCERPT_BYTES);
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        return length < bytes.length ? text + "... (" + bytes.length + " bytes)" : text;
    }
}
