package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/** Accepts a SharedKey request that carries neither Date nor x-ms-date, checking its signature over an empty date. */
final class DateNotRequired implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.authentication = draft.authentication.withDateRequired(false));
    }
}
