package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.VersionRules;

/** Accepts any {@code x-ms-version}, unknown ones and those older than the handle operations alike. */
final class UnknownVersionAccepted implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        VersionRules service = strategies.versions();
        return strategies.with(draft -> draft.versions = service.withKnown(version -> true).withSupports((request, first) ->
                first.equals(ApiVersions.HANDLE_OPERATIONS) || service.supports(request, first)));
    }
}
