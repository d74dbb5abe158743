package io.handlestck.server.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies {@code Authorization: Bearer …} requests (Microsoft Entra ID tokens; here, tokens of the
 * configured {@link BearerIssuer}). The File service takes them from x-ms-version 2022-11-02 on, and
 * only together with {@code x-ms-file-request-intent: backup}.
 *
 * <p>Refusals are the service's: a token that fails validation is {@code 401 InvalidAuthenticationInfo}
 * with a {@code WWW-Authenticate: Bearer authorization_uri=… resource_id=…} challenge and an
 * {@code AuthenticationErrorDetail} naming the check ("Lifetime validation failed. The token is
 * expired.", "Audience validation failed. Audience did not match.", "Issuer validation failed. Issuer
 * did not match." are the service's words, quoted in the README's sources); a valid token without the
 * intent header is {@code 400 MissingRequiredHeader} naming it. Every refusal happens before routing,
 * so nothing changes.
 */
final class BearerAuthenticator {

    /** The first x-ms-version whose File service accepts bearer tokens. */
    static final String FIRST_VERSION = "2022-11-02";
    static final String INTENT_HEADER = "x-ms-file-request-intent";
    /** The only intent the service defines (swagger ShareTokenIntent). */
    static final String BACKUP_INTENT = "backup";

    /** Token validators commonly allow five minutes between the issuer's clock and theirs. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The Azure Storage resource's application id, which Entra may put in {@code aud} instead of its URI. */
    private static final String STORAGE_APPLICATION_ID = "e406a681-f3d4-42a8-90b6-c2b029497af1";
    /** How many verified tokens {@link #verified} holds before it starts over. */
    private static final int VERIFIED_TOKENS = 1_024;

    private final String account;
    private final BearerIssuer issuer;
    private final Set<String> audiences;
    private final AuthenticationRules rules;
    /**
     * The claims of tokens whose signature this issuer's key already verified, by the token's exact text.
     * A client sends the same token until it expires, and an ECDSA verification costs more than the rest
     * of a request (a fortieth of a kit run's samples); the claims are immutable, and the lifetime,
     * issuer and audience checks still run on every request. Any other text, a tampered token included,
     * is parsed and verified anew.
     */
    private final Map<String, JWTClaimsSet> verified = new ConcurrentHashMap<>();

    BearerAuthenticator(String account, BearerIssuer issuer, AuthenticationRules rules) {
        this.account = account;
        this.issuer = issuer;
        this.rules = rules;
        // The SDKs ask for https://storage.azure.com/.default (any account) or, with an account-specific
        // audience, https://ACCOUNT.file.core.windows.net; Entra writes either with or without the slash.
        String accountAudience = "https://" + account + ".file.core.windows.net";
        this.audiences = Set.of(BearerIssuer.STORAGE_AUDIENCE, BearerIssuer.STORAGE_AUDIENCE + "/",
                STORAGE_APPLICATION_ID, accountAudience, accountAudience + "/");
    }

    void authenticate(ServiceRequest request, String token) {
        String version = request.header("x-ms-version");
        if (version != null && version.trim().compareTo(FIRST_VERSION) < 0) {
            throw ServiceError.authenticationFailed("Authentication scheme Bearer is not supported in version "
                    + version.trim() + "; it is from " + FIRST_VERSION + " on.");
        }
        JWTClaimsSet claims = validClaims(token);
        if (!request.account().equals(account)) {
            throw ServiceError.authenticationFailed("The account '" + request.account()
                    + "' is not the account of this endpoint.");
        }
        if (claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw invalid("Audience validation failed. Audience did not match.");
        }
        String intent = request.header(INTENT_HEADER);
        if (intent == null) {
            if (rules.bearer().intentRequired()) {
                throw ServiceError.missingRequiredHeader(INTENT_HEADER);
            }
        } else if (!intent.trim().equals(BACKUP_INTENT)) {
            throw ServiceError.invalidHeaderValue(INTENT_HEADER, intent);
        }
    }

    /** The claims of a token this issuer signed, that is still valid; otherwise the service's 401. */
    private JWTClaimsSet validClaims(String token) {
        boolean signatureChecked = rules.bearer().signatureChecked();
        JWTClaimsSet claims = signatureChecked ? verified.get(token) : null;
        if (claims == null) {
            claims = signedClaims(token, signatureChecked);
        }
        if (!issuer.issuer().equals(claims.getIssuer())) {
            throw invalid("Issuer validation failed. Issuer did not match.");
        }
        Instant now = Instant.now();
        Date expires = claims.getExpirationTime();
        if (expires == null || expires.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw invalid("Lifetime validation failed. The token is expired.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw invalid("Lifetime validation failed. The token is not yet valid.");
        }
        return claims;
    }

    /** Parses the token and, when the rules check signatures, verifies it and remembers its claims. */
    private JWTClaimsSet signedClaims(String token, boolean signatureChecked) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("The access token is not a well-formed JWT.");
        }
        if (signatureChecked) {
            if (!issuer.signedByThisIssuer(jwt)) {
                throw invalid("Signature validation failed. The token is not signed by a trusted issuer.");
            }
            if (verified.size() >= VERIFIED_TOKENS) {
                verified.clear();
            }
            verified.put(token, claims);
        }
        return claims;
    }

    private ServiceError invalid(String detail) {
        return new ServiceError(401, "InvalidAuthenticationInfo",
                "Server failed to authenticate the request. Please refer to the information in the www-authenticate header.",
                Map.of("AuthenticationErrorDetail", detail))
                .withReplyHeader("WWW-Authenticate", "Bearer authorization_uri=" + issuer.authorizationUri()
                        + " resource_id=" + BearerIssuer.STORAGE_AUDIENCE);
    }
}
