package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/** Serves a request without an Authorization header (and without a SAS) as if the account owner had signed it. */
final class AnonymousAccepted implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.authentication = draft.authentication.withAnonymousAccepted(true));
    }
}
