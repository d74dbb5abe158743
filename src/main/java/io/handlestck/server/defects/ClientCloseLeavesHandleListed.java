package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/**
 * Answers an SMB client's own CLOSE with success but never ends the handle the service lists for that
 * open: it stays in List Handles, open, until someone force-closes it.
 */
final class ClientCloseLeavesHandleListed implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.clientClose = (handles, handle) -> handle.isOpen());
    }
}
