package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.auth.AuthenticationRules.BearerRules;

/** Reads a bearer token's claims without verifying its signature: a token whose signature was changed passes. */
final class BearerSignatureNotChecked implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.authentication = draft.authentication.withBearer(
                new BearerRules(false, BearerRules.SERVICE.intentRequired())));
    }
}
