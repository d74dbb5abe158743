package io.handlestck.server.auth;

import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.http.WireFormats;
import io.handlestck.sharedkey.CanonicalRequest;
import io.handlestck.sharedkey.SharedKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;

/**
 * Verifies SharedKey and SharedKeyLite signatures with the account key, and hands bearer tokens to
 * {@link BearerAuthenticator}. Every SharedKey failure is a 403 before anything is read or changed. SAS-authorized requests are refused: the handle operations
 * are for the account owner only (DOC-FCH, DOC-LH), and this server holds no SAS policy to check
 * a token against for the rest.
 */
public final class Authenticator {

    private static final String BEARER_PREFIX = "Bearer ";

    private final String account;
    private final String key;
    private final AuthenticationRules rules;
    private final BearerAuthenticator bearer;
    private volatile ParsedDate lastDate;

    private record ParsedDate(String text, Instant instant) {
    }

    public Authenticator(String account, String key, AuthenticationRules rules, BearerIssuer bearerIssuer) {
        this.account = account;
        this.key = key;
        this.rules = rules;
        this.bearer = new BearerAuthenticator(account, bearerIssuer, rules);
    }

    public void authenticate(ServiceRequest request) {
        if (request.query("sig") != null) {
            if (rules.sasAccepted().test(request)) {
                return;
            }
            throw new ServiceError(403, "AuthorizationFailure", "This request is not authorized to perform this operation.",
                    Map.of("AuthenticationErrorDetail", "Only the account owner may call this operation: use SharedKey, not SAS."));
        }
        String authorization = request.header("Authorization");
        if (authorization == null) {
            if (rules.anonymousAccepted()) {
                return;
            }
            throw ServiceError.authenticationFailed("The request carries no Authorization header.");
        }
        if (authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            bearer.authenticate(request, authorization.substring(BEARER_PREFIX.length()).trim());
            return;
        }
        int space = authorization.indexOf(' ');
        int colon = authorization.lastIndexOf(':');
        if (space < 0 || colon < space) {
            throw ServiceError.authenticationFailed("The Authorization header is not 'SharedKey account:signature'.");
        }
        String scheme = authorization.substring(0, space);
        String claimedAccount = authorization.substring(space + 1, colon).trim();
        String presented = authorization.substring(colon + 1).trim();
        if (!scheme.equals("SharedKey") && !scheme.equals("SharedKeyLite")) {
            throw ServiceError.authenticationFailed("Authorization scheme '" + scheme + "' is not supported: use SharedKey or SharedKeyLite.");
        }
        if (!claimedAccount.equals(account) || !request.account().equals(account)) {
            throw ServiceError.authenticationFailed("The account '" + claimedAccount + "' is not the account of this endpoint.");
        }
        checkDate(request);
        CanonicalRequest canonical = new CanonicalRequest(request.method(), headersOf(request), request.encodedPath(), request.query());
        String stringToSign = scheme.equals("SharedKey")
                ? SharedKey.stringToSign(canonical, account)
                : SharedKey.stringToSignLite(canonical, account);
        if (!rules.signatureMatches().test(SharedKey.signature(stringToSign, key), presented)) {
            throw ServiceError.authenticationFailed("The MAC signature found in the HTTP request '" + presented
                    + "' is not the same as any computed signature. Server used following string to sign: '"
                    + stringToSign + "'.");
        }
    }

    private void checkDate(ServiceRequest request) {
        String name = request.header("x-ms-date") != null ? "x-ms-date" : "Date";
        String date = request.header(name);
        if (date == null) {
            if (!rules.dateRequired()) {
                return;
            }
            throw ServiceError.authenticationFailed("Request date header not specified: send x-ms-date or Date.");
        }
        Instant when = parseDate(date, name);
        if (!rules.dateAcceptable().test(when, Instant.now())) {
            throw ServiceError.authenticationFailed("Request date header too old or too far in the future: '" + date
                    + "' in " + name + " is more than 15 minutes away from the server time.");
        }
    }

    /**
     * Parses the request date, reusing the last result: clients date every request of one second
     * alike, and {@code DateTimeFormatter} parsing showed in the benchmark profiles.
     */
    private Instant parseDate(String date, String headerName) {
        ParsedDate last = lastDate;
        if (last != null && last.text().equals(date)) {
            return last.instant();
        }
        Instant when = WireFormats.parseRfc1123(date).orElseThrow(() ->
                ServiceError.authenticationFailed("The " + headerName + " header is not a valid RFC 1123 date."));
        lastDate = new ParsedDate(date, when);
        return when;
    }

    /** The request's headers by lower-case name (Jetty keeps it for the known ones), a repeated header's values joined by commas. */
    private static Map<String, String> headersOf(ServiceRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.headers()) {
            headers.merge(field.getLowerCaseName(), field.getValue(), (a, b) -> a + "," + b);
        }
        return headers;
    }
}
