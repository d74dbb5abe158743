package io.handlestck.server.http;

import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Which {@code x-ms-version} values the server accepts and which version-gated behaviour a request
 * gets: a strategy the handler and the operations take, so it can be swapped in one place.
 *
 * @param known    whether a version is one the service knows (others are refused with 400)
 * @param supports whether a request's version has a feature that first appeared in the given version
 */
public record VersionRules(Predicate<String> known, BiPredicate<ServiceRequest, String> supports) {

    /** The service's rules: {@link ApiVersions}' list, and string order of the dates. */
    public static final VersionRules SERVICE = new VersionRules(ApiVersions::isKnown, ServiceRequest::versionAtLeast);

    public boolean known(String version) {
        return known.test(version);
    }

    public boolean supports(ServiceRequest request, String firstVersion) {
        return supports.test(request, firstVersion);
    }

    public VersionRules withKnown(Predicate<String> rule) {
        return new VersionRules(rule, supports);
    }

    public VersionRules withSupports(BiPredicate<ServiceRequest, String> rule) {
        return new VersionRules(known, rule);
    }
}
