package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/** Accepts a request whatever its date, even far more than 15 minutes from the server clock. */
final class StaleDateAccepted implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.authentication = draft.authentication.withDateAcceptable((date, now) -> true));
    }
}
