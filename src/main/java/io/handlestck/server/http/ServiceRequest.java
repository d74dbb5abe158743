package io.handlestck.server.http;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * One request as the operations see it: the account it addresses, the share segment and the
 * decoded path segments below it (not yet validated as names), decoded query parameters, headers
 * and body. Built by {@link ServiceHandler} for path-style and host-style URLs alike.
 */
public final class ServiceRequest {

    private final String method;
    private final HttpFields headers;
    private final String encodedPath;
    private final List<Map.Entry<String, String>> query;
    private final String account;
    private final String share;
    private final List<String> segments;
    private final byte[] body;
    private final boolean pathStyle;
    private final String remoteAddress;
    private String version;

    ServiceRequest(String method, HttpFields headers, String encodedPath, List<Map.Entry<String, String>> query,
                   String account, String share, List<String> segments, byte[] body, boolean pathStyle,
                   String remoteAddress) {
        this.method = method;
        this.headers = headers;
        this.encodedPath = encodedPath;
        this.query = query;
        this.account = account;
        this.share = share;
        this.segments = segments;
        this.body = body;
        this.pathStyle = pathStyle;
        this.remoteAddress = remoteAddress;
    }

    /** True when the account is the first path segment ({@code /account/share/...}), false for host-style URLs. */
    public boolean pathStyle() {
        return pathStyle;
    }

    /** The client's {@code ip:port}. */
    public String remoteAddress() {
        return remoteAddress;
    }

    public String method() {
        return method;
    }

    /** The header's value, or null when absent; repeated headers are joined with commas. */
    public String header(String name) {
        // One pass and no list for the usual single field: a request's headers are read a dozen times.
        String first = null;
        StringBuilder joined = null;
        for (HttpField field : headers) {
            if (field.is(name)) {
                if (first == null) {
                    first = field.getValue();
                } else {
                    if (joined == null) {
                        joined = new StringBuilder(first);
                    }
                    joined.append(',').append(field.getValue());
                }
            }
        }
        return joined == null ? first : joined.toString();
    }

    public HttpFields headers() {
        return headers;
    }

    /** The path as sent, still percent-encoded: what SharedKey signs. */
    public String encodedPath() {
        return encodedPath;
    }

    /** Query parameters in wire order, values percent-decoded. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** The first value of a query parameter (name matched case-insensitively), or null. */
    public String query(String name) {
        for (Map.Entry<String, String> parameter : query) {
            if (parameter.getKey().equalsIgnoreCase(name)) {
                return parameter.getValue();
            }
        }
        return null;
    }

    public String account() {
        return account;
    }

    /** The segment after the account (a share name, or {@code $fixtures}); null for account-level requests. */
    public String share() {
        return share;
    }

    /** The percent-decoded path segments below the share; empty for the share root. */
    public List<String> segments() {
        return segments;
    }

    public byte[] body() {
        return body;
    }

    /** This request with the header set to {@code value}, or without it when {@code value} is null. */
    public ServiceRequest withHeader(String name, String value) {
        HttpFields.Mutable changed = HttpFields.build(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return copy(changed.asImmutable(), query);
    }

    /** This request with the query parameter set to {@code value} (in place), or without it when {@code value} is null. */
    public ServiceRequest withQuery(String name, String value) {
        List<Map.Entry<String, String>> changed = new ArrayList<>();
        boolean replaced = false;
        for (Map.Entry<String, String> parameter : query) {
            if (!parameter.getKey().equalsIgnoreCase(name)) {
                changed.add(parameter);
            } else if (value != null && !replaced) {
                changed.add(new AbstractMap.SimpleImmutableEntry<>(parameter.getKey(), value));
                replaced = true;
            }
        }
        if (value != null && !replaced) {
            changed.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        return copy(headers, changed);
    }

    private ServiceRequest copy(HttpFields newHeaders, List<Map.Entry<String, String>> newQuery) {
        ServiceRequest copy = new ServiceRequest(method, newHeaders, encodedPath, newQuery, account, share, segments, body,
                pathStyle, remoteAddress);
        copy.version = version;
        return copy;
    }

    /** The validated {@code x-ms-version}, or null before validation or when none applies. */
    public String version() {
        return version;
    }

    void version(String version) {
        this.version = version;
    }

    /** True for a handle operation's or other operation's version check: at least {@code first}. */
    public boolean versionAtLeast(String first) {
        return version != null && ApiVersions.atLeast(version, first);
    }
}
