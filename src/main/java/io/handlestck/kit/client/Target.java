package io.handlestck.kit.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where and as whom the kit speaks.
 *
 * @param endpoint path-style ({@code http://127.0.0.1:10004/devstoreaccount1}) or host-style
 *                 ({@code https://acct.file.core.windows.net}); never ends with {@code /}
 * @param version  the x-ms-version pinned on every request
 * @param bearerToken a Microsoft Entra ID (or test issuer) access token for bearer cases, or null
 */
public record Target(URI endpoint, String account, String key, String version, String bearerToken) {

    /** A target without a bearer token. */
    public Target(URI endpoint, String account, String key, String version) {
        this(endpoint, account, key, version, null);
    }

    /** The values that authorize requests, for scrubbers: the account key and the bearer token, when set. */
    public List<String> secrets() {
        return Stream.of(key, bearerToken).filter(Objects::nonNull).toList();
    }

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
