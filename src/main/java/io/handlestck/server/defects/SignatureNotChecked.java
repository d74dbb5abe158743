package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/** Accepts any SharedKey signature of a known account. */
final class SignatureNotChecked implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.authentication = draft.authentication.withSignatureMatches((computed, presented) -> true));
    }
}
