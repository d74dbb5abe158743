package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/** Lets a SAS-authorized request (query {@code sig=}) through, unchecked, to the owner-only handle operations. */
final class SasAccepted implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.authentication = draft.authentication.withSasAccepted(request -> true));
    }
}
