package io.handlestck.sharedkey;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of an HTTP request that a SharedKey or SharedKeyLite signature covers, independent of
 * any HTTP library: the server builds one from a Jetty request, the kit from the request it is about to send.
 *
 * @param method       the HTTP verb, upper case
 * @param headers      request headers; names are matched case-insensitively (kept lower-case here, a
 *                     name given twice in different cases keeps its last value)
 * @param encodedPath  the request path exactly as sent on the wire (still percent-encoded), e.g.
 *                     {@code /devstoreaccount1/share/dir%20a/f.txt} for a path-style URL
 * @param decodedQuery query parameters, names as sent and values already percent-decoded, in wire order;
 *                     a parameter that appears twice appears twice here
 */
public record CanonicalRequest(String method, Map<String, String> headers, String encodedPath,
                               List<Map.Entry<String, String>> decodedQuery) {

    public CanonicalRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(encodedPath, "encodedPath");
        // Keyed by the lower-case name, the form the x-ms- headers are signed in: one lookup per header,
        // where a case-insensitive sorted map compared names character by character (server profile).
        Map<String, String> lowerCase = new HashMap<>(headers.size() * 2);
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        headers = lowerCase;
        decodedQuery = List.copyOf(decodedQuery);
        method = method.toUpperCase(Locale.ROOT);
    }

    /** The value of a header, or the empty string when it is absent (absent headers sign as empty lines). */
    public String header(String name) {
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        return value == null ? "" : value;
    }
}
