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
 * @param bearerSignatureChecked whether a bearer token's signature must be the issuer's
 * @param bearerIntentRequired   whether a bearer request without {@code x-ms-file-request-intent} is refused
 */
public record AuthenticationRules(Predicate<ServiceRequest> sasAccepted, BiPredicate<String, String> signatureMatches,
                                  BiPredicate<Instant, Instant> dateAcceptable, boolean dateRequired,
                                  boolean anonymousAccepted, boolean bearerSignatureChecked,
                                  boolean bearerIntentRequired) {

    /** How far a request's date may be from the server clock, as the service allows. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    /**
     * The service's rules: SAS refused for the owner-only operations, exact signatures, 15 minutes of
     * clock skew, bearer tokens signed by the issuer and sent with their intent header.
     */
    public static final AuthenticationRules SERVICE = new AuthenticationRules(request -> false, SharedKey::signaturesMatch,
            (date, now) -> Duration.between(date, now).abs().compareTo(MAX_CLOCK_SKEW) <= 0, true, false, true, true);

    public AuthenticationRules withSasAccepted(Predicate<ServiceRequest> rule) {
        return new AuthenticationRules(rule, signatureMatches, dateAcceptable, dateRequired, anonymousAccepted,
                bearerSignatureChecked, bearerIntentRequired);
    }

    public AuthenticationRules withSignatureMatches(BiPredicate<String, String> rule) {
        return new AuthenticationRules(sasAccepted, rule, dateAcceptable, dateRequired, anonymousAccepted,
                bearerSignatureChecked, bearerIntentRequired);
    }

    public AuthenticationRules withDateAcceptable(BiPredicate<Instant, Instant> rule) {
        return new AuthenticationRules(sasAccepted, signatureMatches, rule, dateRequired, anonymousAccepted,
                bearerSignatureChecked, bearerIntentRequired);
    }

    public AuthenticationRules withDateRequired(boolean required) {
        return new AuthenticationRules(sasAccepted, signatureMatches, dateAcceptable, required, anonymousAccepted,
                bearerSignatureChecked, bearerIntentRequired);
    }

    public AuthenticationRules withAnonymousAccepted(boolean accepted) {
        return new AuthenticationRules(sasAccepted, signatureMatches, dateAcceptable, dateRequired, accepted,
                bearerSignatureChecked, bearerIntentRequired);
    }

    public AuthenticationRules withBearerSignatureChecked(boolean checked) {
        return new AuthenticationRules(sasAccepted, signatureMatches, dateAcceptable, dateRequired, anonymousAccepted,
                checked, bearerIntentRequired);
    }

    public AuthenticationRules withBearerIntentRequired(boolean required) {
        return new AuthenticationRules(sasAccepted, signatureMatches, dateAcceptable, dateRequired, anonymousAccepted,
                bearerSignatureChecked, required);
    }
}
