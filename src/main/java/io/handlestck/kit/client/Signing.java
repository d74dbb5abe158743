package io.handlestck.kit.client;

import java.time.Duration;

/**
 * How a request is authorized. The default is a correct SharedKey signature; the variations exist so
 * that protocol cases can send exactly the wrong request they judge the target on (a stale date, a
 * tampered signature, a wrong key, no date, no version) without building requests by hand.
 *
 * @param scheme       {@link Scheme#SHARED_KEY}, {@link Scheme#SHARED_KEY_LITE} or {@link Scheme#NONE}
 * @param account      sign as this account (in {@code Authorization} and the canonicalized resource) instead
 *                     of the target's, or null
 * @param key          sign with this base64 key instead of the account's, or null
 * @param clockSkew    added to the current time in {@code x-ms-date}
 * @param dateHeader   whether to send {@code x-ms-date} at all
 * @param tamper       flip the signature after computing it
 * @param versionHeader whether to send the pinned {@code x-ms-version}
 * @param token        {@link Scheme#BEARER}: send this token instead of the target's configured one, or null
 * @param intentHeader {@link Scheme#BEARER}: whether to send {@code x-ms-file-request-intent: backup}, which
 *                     the service requires with a token
 */
public record Signing(Scheme scheme, String account, String key, Duration clockSkew, boolean dateHeader, boolean tamper,
                      boolean versionHeader, String token, boolean intentHeader) {

    public enum Scheme { SHARED_KEY, SHARED_KEY_LITE, BEARER, NONE }

    public static Signing sharedKey() {
        return new Signing(Scheme.SHARED_KEY, null, null, Duration.ZERO, true, false, true, null, false);
    }

    public static Signing sharedKeyLite() {
        return new Signing(Scheme.SHARED_KEY_LITE, null, null, Duration.ZERO, true, false, true, null, false);
    }

    /** No {@code Authorization} header (an anonymous request, or one authorized by a SAS in the URL). */
    public static Signing unsigned() {
        return new Signing(Scheme.NONE, null, null, Duration.ZERO, true, false, true, null, false);
    }

    /**
     * {@code Authorization: Bearer} with the target's configured token and {@code x-ms-file-request-intent:
     * backup}, and no {@code x-ms-date}: the shape of the bearer requests the official SDKs send.
     */
    public static Signing bearer() {
        return new Signing(Scheme.BEARER, null, null, Duration.ZERO, false, false, true, null, true);
    }

    /** A bearer request carrying this token instead of the configured one. */
    public Signing withToken(String otherToken) {
        return new Signing(scheme, account, key, clockSkew, dateHeader, tamper, versionHeader, otherToken, intentHeader);
    }

    /** A bearer request without {@code x-ms-file-request-intent}. */
    public Signing withoutIntent() {
        return new Signing(scheme, account, key, clockSkew, dateHeader, tamper, versionHeader, token, false);
    }

    /** Signs validly for another account; a target must refuse it because the account is not its own. */
    public Signing withAccount(String otherAccount) {
        return new Signing(scheme, otherAccount, key, clockSkew, dateHeader, tamper, versionHeader, token, intentHeader);
    }

    public Signing withKey(String base64Key) {
        return new Signing(scheme, account, base64Key, clockSkew, dateHeader, tamper, versionHeader, token, intentHeader);
    }

    public Signing withClockSkew(Duration skew) {
        return new Signing(scheme, account, key, skew, dateHeader, tamper, versionHeader, token, intentHeader);
    }

    public Signing withoutDate() {
        return new Signing(scheme, account, key, clockSkew, false, tamper, versionHeader, token, intentHeader);
    }

    public Signing tampered() {
        return new Signing(scheme, account, key, clockSkew, dateHeader, true, versionHeader, token, intentHeader);
    }

    public Signing withoutVersion() {
        return new Signing(scheme, account, key, clockSkew, dateHeader, tamper, false, token, intentHeader);
    }
}
