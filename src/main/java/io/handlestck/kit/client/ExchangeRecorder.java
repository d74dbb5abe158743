package io.handlestck.kit.client;

import io.handlestck.kit.result.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Records every exchange a case makes, scrubbed, for the report: a verdict is only as useful as the
 * trace that lets a vendor see what their server answered. {@link TargetClient#exchange} records
 * after signing, so the recorded request is the one that was sent.
 */
public final class ExchangeRecorder {

    /** Bodies are cut here: enough to show an error or a page of handles, not to bloat reports. */
    public static final int BODY_EXCERPT_BYTES = 4096;

    private ExchangeRecorder() {
    }

    /** One exchange as reports show it: scrubbed, bodies cut to {@link #BODY_EXCERPT_BYTES}. */
    static Exchange exchange(Scrubber scrubber, String method, String url, Map<String, List<String>> requestHeaders,
                             byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                             byte[] responseBody, long millis) {
        return new Exchange(method, scrubber.text(url), scrubber.headers(requestHeaders),
                requestBody == null ? null : scrubber.text(excerpt(requestBody)), status, scrubber.headers(responseHeaders),
                scrubber.text(excerpt(responseBody)), millis);
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
