package io.handlestck.kit.client;

import java.net.URI;

/**
 * Where and as whom the kit speaks.
 *
 * @param endpoint path-style ({@code http://127.0.0.1:10004/devstoreaccount1}) or host-style
 *                 ({@code https://acct.file.core.windows.net}); never ends with {@code /}
 * @param version  the x-ms-version pinned on every request
 */
public record Target(URI endpoint, String account, String key, String version) {

    /** {@code endpoint/encoded-share/encoded/path}; the path may be empty (the share root). */
    public String url(String share, String path) {
        String base = endpoint.toString() + "/" + UrlPaths.encodeSegment(share);
        return path == null || path.isEmpty() ? base : base + "/" + UrlPaths.encodePath(path);
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
