package io.handlestck.testsupport;

import io.handlestck.kit.client.UrlPaths;
import io.handlestck.sharedkey.CanonicalRequest;
import io.handlestck.sharedkey.SharedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One request under construction: everything a test may want to tamper with (any header, the date,
 * the signing account and key, the scheme, the signature itself) is open until {@link #send()},
 * which signs what is actually sent with {@link SharedKey} and sends it.
 */
public final class SignedRequest {

    /** How the request is authorized. */
    public enum Scheme { SHARED_KEY, SHARED_KEY_LITE, NONE }

    private final WireClient client;
    private String method;
    private final String encodedPath;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private Scheme scheme = Scheme.SHARED_KEY;
    private String signingAccount;
    private String signingKey;
    private UnaryOperator<String> signatureTamper = UnaryOperator.identity();
    private UnaryOperator<String> authorizationTamper = UnaryOperator.identity();

    SignedRequest(WireClient client, String method, String encodedPath) {
        this.client = client;
        this.method = method;
        this.encodedPath = encodedPath;
        this.signingAccount = client.account();
        this.signingKey = client.key();
        headers.put("x-ms-date", rfc1123(ZonedDateTime.now(ZoneOffset.UTC)));
        headers.put("x-ms-version", client.version());
    }

    /** An RFC 1123 date as the storage services write and expect it. */
    public static String rfc1123(ZonedDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }

    /** Changes the HTTP verb (the signature covers the verb actually sent). */
    public SignedRequest method(String verb) {
        this.method = verb;
        return this;
    }

    /** Adds a query parameter; the value is percent-encoded on the wire and signed decoded. */
    public SignedRequest query(String name, String value) {
        query.add(new SimpleEntry<>(name, value));
        return this;
    }

    /** Replaces every value of a query parameter with this one. */
    public SignedRequest replaceQuery(String name, String value) {
        query.removeIf(parameter -> parameter.getKey().equals(name));
        return query(name, value);
    }

    /** Sets (or replaces) a header; a null value removes it. */
    public SignedRequest header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public SignedRequest withoutHeader(String name) {
        return header(name, null);
    }

    public SignedRequest body(byte[] bytes, String contentType) {
        this.body = bytes.clone();
        return header("Content-Type", contentType);
    }

    public SignedRequest body(String text, String contentType) {
        return body(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public SignedRequest scheme(Scheme scheme) {
        this.scheme = scheme;
        return this;
    }

    /** Signs with other credentials than the client's (the URL still names the client's account). */
    public SignedRequest signedAs(String account, String key) {
        this.signingAccount = account;
        this.signingKey = key;
        return this;
    }

    /** Changes the computed signature before it goes into the Authorization header. */
    public SignedRequest tamperSignature(UnaryOperator<String> tamper) {
        this.signatureTamper = tamper;
        return this;
    }

    /** Changes the whole Authorization header value ({@code SharedKey account:signature}) before it is sent. */
    public SignedRequest tamperAuthorization(UnaryOperator<String> tamper) {
        this.authorizationTamper = tamper;
        return this;
    }

    /** The URI this request goes to. */
    public URI uri() {
        StringBuilder url = new StringBuilder(client.root().toString()).append(encodedPath);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query) {
            url.append(separator).append(UrlPaths.encodeSegment(parameter.getKey()))
                    .append('=').append(UrlPaths.encodeSegment(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    public WireResponse send() {
        TreeMap<String, String> sent = new TreeMap<>(headers);
        if (client.hostHeader() != null) {
            sent.put("Host", client.hostHeader());
        }
        String authorization = authorizationHeader();
        if (authorization != null) {
            sent.put("Authorization", authorization);
        }
        URI uri = uri();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        sent.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = WireClient.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new WireResponse(method, uri.toString(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed on the wire", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + method + " " + uri, e);
        }
    }

    /** The Authorization header as it would be sent now (after the tampering asked for), or null when unsigned. */
    public String authorizationHeader() {
        if (scheme == Scheme.NONE) {
            return null;
        }
        TreeMap<String, String> signed = new TreeMap<>(headers);
        if (body.length > 0) {
            signed.put("Content-Length", Integer.toString(body.length));
        }
        CanonicalRequest canonical = new CanonicalRequest(method, signed, encodedPath, query);
        // The canonicalized resource names the account that signs; path-style URLs repeat it inside the path.
        String stringToSign = scheme == Scheme.SHARED_KEY
                ? SharedKey.stringToSign(canonical, signingAccount)
                : SharedKey.stringToSignLite(canonical, signingAccount);
        String signature = signatureTamper.apply(SharedKey.signature(stringToSign, signingKey));
        return authorizationTamper.apply((scheme == Scheme.SHARED_KEY ? "SharedKey " : "SharedKeyLite ") + signingAccount + ":" + signature);
    }
}
