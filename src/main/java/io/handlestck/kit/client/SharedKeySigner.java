package io.handlestck.kit.client;

import io.handlestck.sharedkey.CanonicalRequest;
import io.handlestck.sharedkey.SharedKey;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a REST Assured request with SharedKey or SharedKeyLite just before it is sent (bearer requests
 * are authorized by {@link BearerAuthorization} instead), over exactly
 * what goes on the wire: the raw path (path-style endpoints therefore sign the account twice, as the
 * service expects), the percent-decoded query and the headers as set. The string-to-sign comes from
 * {@link SharedKey}, the same code the reference server verifies with, so the two cannot drift apart
 * silently; the wire-interop tests hold both to the official SDK.
 */
public final class SharedKeySigner implements Filter {

    private final String account;
    private final String accountKey;
    private final String bearerToken;
    private final Signing signing;

    /** @param bearerToken the target's token for {@link Signing.Scheme#BEARER} requests, or null */
    public SharedKeySigner(String account, String accountKey, String bearerToken, Signing signing) {
        this.account = account;
        this.accountKey = accountKey;
        this.bearerToken = bearerToken;
        this.signing = signing;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        if (signing.dateHeader()) {
            request.replaceHeader("x-ms-date", date(signing));
        }
        if (!signing.versionHeader()) {
            request.removeHeader("x-ms-version");
        }
        if (signing.scheme() == Signing.Scheme.BEARER) {
            BearerAuthorization.headers(signing, bearerToken).forEach(request::replaceHeader);
        } else if (signing.scheme() != Signing.Scheme.NONE) {
            request.replaceHeader("Authorization", authorization(account, accountKey, signing, canonical(request)));
        }
        return context.next(request, response);
    }

    /** The {@code Authorization} value for a request, signed as {@code signing} says (never called for {@code NONE}). */
    static String authorization(String account, String accountKey, Signing signing, CanonicalRequest canonical) {
        boolean lite = signing.scheme() == Signing.Scheme.SHARED_KEY_LITE;
        String stringToSign = lite ? SharedKey.stringToSignLite(canonical, account) : SharedKey.stringToSign(canonical, account);
        String signature = SharedKey.signature(stringToSign, signing.key() != null ? signing.key() : accountKey);
        if (signing.tamper()) {
            signature = tamper(signature);
        }
        return (lite ? "SharedKeyLite " : "SharedKey ") + account + ":" + signature;
    }

    /** The current time plus the skew, as {@code x-ms-date} carries it. */
    static String date(Signing signing) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plus(signing.clockSkew()));
    }

    /** The request as the signature sees it; Content-Length is the body's, which HTTP client will send. */
    static CanonicalRequest canonical(FilterableRequestSpecification request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : request.getHeaders()) {
            headers.put(header.getName(), header.getValue());
        }
        if (request.getContentType() != null) {
            headers.put("Content-Type", request.getContentType());
        }
        headers.put("Content-Length", Integer.toString(bodyLength(request.getBody())));
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new CanonicalRequest(request.getMethod(), headers, path, decodedQuery(uri.getRawQuery()));
    }

    static int bodyLength(Object body) {
        if (body == null) {
            return 0;
        }
        if (body instanceof byte[] bytes) {
            return bytes.length;
        }
        return body.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    static List<Map.Entry<String, String>> decodedQuery(String rawQuery) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            out.add(new AbstractMap.SimpleImmutableEntry<>(decode(name), decode(value)));
        }
        return out;
    }

    /** Percent-decoding only: in a URL query built by the kit a '+' is a literal plus, never a space. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String tamper(String signature) {
        char first = signature.charAt(0);
        return (first == 'A' ? 'B' : 'A') + signature.substring(1);
    }
}
