package io.handlestck.server.auth;

import io.handlestck.server.http.ServiceRequest;
import io.handlestck.sharedkey.SharedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The judgements {@link Authenticator} makes: a strategy it takes, so that one of them can be
 * swapped without touching how a request is read and its string-to-sign built.
 *
 * @param sasAccepted      whether a SAS-authorized request (query {@code sig=}) may pass without a SharedKey check
 * @param signatureMatches whether the presented signature matches the computed one
 * @param dateAcceptable   whether the request's date is close enough to the server clock (the request date, now)
 * @param dateRequired     whether a SharedKey request without Date and x-ms-date is refused
 * @param anonymousAccepted whether a request without Authorization (and without SAS) is served
 * @param bearer           the judgements about bearer tokens
 */
public record AuthenticationRules(Predicate<ServiceRequest> sasAccepted, BiPredicate<String, String> signatureMatches,
                                  BiPredicate<Instant, Instant> dateAcceptable, boolean dateRequired,
                                  boolean anonymousAccepted, BearerRules bearer) {

    /**
     * @param signatureChecked whether a token's signature must be the issuer's
     * @param intentRequired   whether a bearer request without {@code x-ms-file-request-intent} is refused
     */
    public record BearerRules(boolean signatureChecked, boolean intentRequired) {

        /** The service's: signed by the issuer, sent with the intent header. */
        public static final BearerRules SERVICE = new BearerRules(true, true);
    }

    /** How far a request's date may be from the server clock, as the service allows. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    /**
     * The service's rules: SAS refused for the owner-only operations, exact signatures, 15 minutes of
     * clock skew, bearer tokens signed by the issuer and sent with their intent header.
     */
    public static final AuthenticationRules SERVICE = new AuthenticationRules(request -> false, SharedKey::signaturesMatch,
            (date, now) -> Duration.between(date, now).abs().compareTo(MAX_CLOCK_SKEW) <= 0, true, false,
            BearerRules.SERVICE);

    public AuthenticationRules withSasAccepted(Predicate<ServiceRequest> rule) {
        return new AuthenticationRules(rule, signatureMatches, dateAcceptable, dateRequired, anonymousAccepted, bearer);
    }

    public AuthenticationRules withSignatureMatches(BiPredicate<String, String> rule) {
        return new AuthenticationRules(sasAccepted, rule, dateAcceptable, dateRequired, anonymousAccepted, bearer);
    }

    public AuthenticationRules withDateAcceptable(BiPredicate<Instant, Instant> rule) {
        return new AuthenticationRules(sasAccepted, signatureMatches, rule, dateRequired, anonymousAccepted, bearer);
    }

    public AuthenticationRules withDateRequired(boolean required) {
        return new AuthenticationRules(sasAccepted, signatureMatches, dateAcceptable, required, anonymousAccepted, bearer);
    }

    public AuthenticationRules withAnonymousAccepted(boolean accepted) {
        return new AuthenticationRules(sasAccepted, signatureMatches, dateAcceptable, dateRequired, accepted, bearer);
    }

    public AuthenticationRules withBearer(BearerRules rules) {
        return new AuthenticationRules(sasAccepted, signatureMatches, dateAcceptable, dateRequired, anonymousAccepted, rules);
    }
}
