package io.handlestck.kit.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Force Close Handles request, built fluently:
 * {@code ForceCloseCall.on(share, "dir").allHandles().recursive(true)}. Strings everywhere a case
 * may want to send a malformed value; a null handle id leaves {@code x-ms-handle-id} out.
 *
 * @param path    relative to the share root; {@code ""} addresses the root directory
 * @param headers extra request headers, e.g. {@code x-ms-client-request-id}
 */
public record ForceCloseCall(String share, String path, String handleId, String recursive, String marker,
                             String snapshot, String timeout, Map<String, String> headers) {

    public ForceCloseCall {
        headers = Map.copyOf(headers);
    }

    /** A call with no {@code x-ms-handle-id} yet; choose one with {@link #handleId} or {@link #allHandles}. */
    public static ForceCloseCall on(String share, String path) {
        return new ForceCloseCall(share, path, null, null, null, null, null, Map.of());
    }

    public ForceCloseCall handleId(String value) {
        return new ForceCloseCall(share, path, value, recursive, marker, snapshot, timeout, headers);
    }

    /** {@code x-ms-handle-id: *}. */
    public ForceCloseCall allHandles() {
        return handleId("*");
    }

    public ForceCloseCall recursive(boolean value) {
        return recursive(Boolean.toString(value));
    }

    public ForceCloseCall recursive(String value) {
        return new ForceCloseCall(share, path, handleId, value, marker, snapshot, timeout, headers);
    }

    public ForceCloseCall marker(String value) {
        return new ForceCloseCall(share, path, handleId, recursive, value, snapshot, timeout, headers);
    }

    public ForceCloseCall snapshot(String value) {
        return new ForceCloseCall(share, path, handleId, recursive, marker, value, timeout, headers);
    }

    public ForceCloseCall timeout(String value) {
        return new ForceCloseCall(share, path, handleId, recursive, marker, snapshot, value, headers);
    }

    public ForceCloseCall header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ForceCloseCall(share, path, handleId, recursive, marker, snapshot, timeout, more);
    }
}
