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
 */
public record Signing(Scheme scheme, String account, String key, Duration clockSkew, boolean dateHeader, boolean tamper,
                      boolean versionHeader) {

    public enum Scheme { SHARED_KEY, SHARED_KEY_LITE, NONE }

    public static Signing sharedKey() {
        return new Signing(Scheme.SHARED_KEY, null, null, Duration.ZERO, true, false, true);
    }

    public static Signing sharedKeyLite() {
        return new Signing(Scheme.SHARED_KEY_LITE, null, null, Duration.ZERO, true, false, true);
    }

    /** No {@code Authorization} header (an anonymous request, or one authorized by a SAS in the URL). */
    public static Signing unsigned() {
        return new Signing(Scheme.NONE, null, null, Duration.ZERO, true, false, true);
    }

    /** Signs validly for another account; a target must refuse it because the account is not its own. */
    public Signing withAccount(String otherAccount) {
        return new Signing(scheme, otherAccount, key, clockSkew, dateHeader, tamper, versionHeader);
    }

    public Signing withKey(String base64Key) {
        return new Signing(scheme, account, base64Key, clockSkew, dateHeader, tamper, versionHeader);
    }

    public Signing withClockSkew(Duration skew) {
        return new Signing(scheme, account, key, skew, dateHeader, tamper, versionHeader);
    }

    public Signing withoutDate() {
        return new Signing(scheme, account, key, clockSkew, false, tamper, versionHeader);
    }

    public Signing tampered() {
        return new Signing(scheme, account, key, clockSkew, dateHeader, true, versionHeader);
    }

    public Signing withoutVersion() {
        return new Signing(scheme, account, key, clockSkew, dateHeader, tamper, false);
    }
}
