package io.handlestck.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The test issuer whose bearer tokens the reference server accepts: a stand-in for Microsoft Entra
 * ID with its own tenant id and signing key. Tokens look like Entra's v1 access tokens for Azure
 * Storage ({@code iss https://sts.windows.net/{tenant}/}, {@code aud https://storage.azure.com},
 * {@code iat}/{@code nbf}/{@code exp}, {@code tid}, {@code oid}), so a client sees what it sees
 * from the real service.
 *
 * <p>It signs with ES256, not Entra's RS256: generating a P-256 key takes milliseconds where an RSA
 * key takes a noticeable part of a server start, and which algorithm an issuer uses is its own
 * choice; the server accepts exactly this issuer's key and algorithm. The key is made on first use,
 * so a server that never sees a bearer token never pays for it.
 */
public final class BearerIssuer {

    /** The audience Azure Storage tokens are requested for (the SDKs' default scope is this plus /.default). */
    public static final String STORAGE_AUDIENCE = "https://storage.azure.com";
    /** How long {@link #token()} stays valid: about what Entra hands out. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final String tenant;
    private volatile ECKey key;

    private BearerIssuer(String tenant) {
        this.tenant = tenant;
    }

    /** An issuer with a fresh tenant id and a fresh key. */
    public static BearerIssuer create() {
        return new BearerIssuer(UUID.randomUUID().toString());
    }

    public String tenant() {
        return tenant;
    }

    /** The {@code iss} claim of this issuer's tokens, in Entra's v1 shape. */
    public String issuer() {
        return "https://sts.windows.net/" + tenant + "/";
    }

    /** Where the service's 401 challenge sends a client to get a token, in Entra's shape for this tenant. */
    public String authorizationUri() {
        return "https://login.microsoftonline.com/" + tenant + "/oauth2/authorize";
    }

    /** A token for Azure Storage, valid from now for {@link #DEFAULT_LIFETIME}. */
    public String token() {
        Instant now = Instant.now();
        return token(STORAGE_AUDIENCE, now, now.plus(DEFAULT_LIFETIME));
    }

    /**
     * A token with the given audience and validity window, signed by this issuer; tests use it to make
     * expired, not-yet-valid or wrong-audience tokens that are otherwise genuine.
     */
    public String token(String audience, Instant notBefore, Instant expires) {
        String principal = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(audience)
                .issueTime(Date.from(notBefore))
                .notBeforeTime(Date.from(notBefore))
                .expirationTime(Date.from(expires))
                .subject(principal)
                .claim("oid", principal)
                .claim("tid", tenant)
                .claim("appid", principal)
                .claim("ver", "1.0")
                .build();
        ECKey signingKey = key();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("the test issuer could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** Whether {@code jwt} carries a valid signature of this issuer's key. */
    boolean signedByThisIssuer(SignedJWT jwt) {
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        try {
            return jwt.verify(new ECDSAVerifier(key().toPublicJWK()));
        } catch (JOSEException e) {
            return false; // a signature that cannot even be checked is not this issuer's
        }
    }

    private ECKey key() {
        ECKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    try {
                        key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
                    } catch (JOSEException e) {
                        throw new IllegalStateException("the test issuer could not make its signing key", e);
                    }
                }
                current = key;
            }
        }
        return current;
    }
}
