package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.VersionRules;
import java.util.Set;

/** Gives every {@code x-ms-version} the newest answers: AccessRightList, ClientName and {@code x-ms-number-of-handles-failed}. */
final class VersionGatingIgnored implements Fault {

    private static final Set<String> GATED = Set.of(ApiVersions.ACCESS_RIGHT_LIST, ApiVersions.CLIENT_NAME,
            ApiVersions.HANDLES_FAILED_HEADER);

    @Override
    public Strategies strategies(Strategies strategies) {
        VersionRules service = strategies.versions();
        return strategies.with(draft -> draft.versions = service.withSupports((request, first) -> GATED.contains(first)
                || service.supports(request, first)));
    }
}
