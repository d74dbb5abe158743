package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.auth.AuthenticationRules.BearerRules;

/** Serves a bearer-authorized request without {@code x-ms-file-request-intent} instead of refusing it with 400. */
final class BearerIntentNotRequired implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.authentication = draft.authentication.withBearer(
                new BearerRules(BearerRules.SERVICE.signatureChecked(), false)));
    }
}
