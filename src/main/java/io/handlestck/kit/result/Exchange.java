package io.handlestck.kit.result;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request a case made and the answer it got, as it appears in reports. Secrets
 * ({@code Authorization}, account keys, SAS signatures) are scrubbed before an exchange is built.
 *
 * @param requestHeaders  header name to values, in the order sent
 * @param responseBody    the start of the response body (at most a few KiB), decoded as UTF-8
 */
public record Exchange(String method, String url, Map<String, List<String>> requestHeaders, String requestBody,
                       int status, Map<String, List<String>> responseHeaders, String responseBody,
                       long durationMillis) {
}
