package io.handlestck.kit.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One List Handles request, built fluently: {@code ListHandlesCall.on(share, "dir").recursive(true).maxResults(2)}.
 * Values are strings where a case may want to send a malformed one ({@code maxResults("0")}).
 *
 * @param path    relative to the share root; {@code ""} addresses the root directory
 * @param headers extra request headers, e.g. {@code x-ms-client-request-id}
 */
public record ListHandlesCall(String share, String path, String recursive, String maxResults, String marker,
                              String snapshot, String timeout, Map<String, String> headers) {

    public ListHandlesCall {
        headers = Map.copyOf(headers);
    }

    public static ListHandlesCall on(String share, String path) {
        return new ListHandlesCall(share, path, null, null, null, null, null, Map.of());
    }

    public ListHandlesCall recursive(boolean value) {
        return recursive(Boolean.toString(value));
    }

    /** Sends {@code x-ms-recursive} with this exact text. */
    public ListHandlesCall recursive(String value) {
        return new ListHandlesCall(share, path, value, maxResults, marker, snapshot, timeout, headers);
    }

    public ListHandlesCall maxResults(int value) {
        return maxResults(Integer.toString(value));
    }

    public ListHandlesCall maxResults(String value) {
        return new ListHandlesCall(share, path, recursive, value, marker, snapshot, timeout, headers);
    }

    public ListHandlesCall marker(String value) {
        return new ListHandlesCall(share, path, recursive, maxResults, value, snapshot, timeout, headers);
    }

    public ListHandlesCall snapshot(String value) {
        return new ListHandlesCall(share, path, recursive, maxResults, marker, value, timeout, headers);
    }

    public ListHandlesCall timeout(String value) {
        return new ListHandlesCall(share, path, recursive, maxResults, marker, snapshot, value, headers);
    }

    public ListHandlesCall header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ListHandlesCall(share, path, recursive, maxResults, marker, snapshot, timeout, more);
    }
}
