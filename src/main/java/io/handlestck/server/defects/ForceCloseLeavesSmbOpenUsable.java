package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/**
 * Force Close Handles closes the handle in the listing and counts it, but the SMB layer never
 * checks: the client's open keeps reading and writing, and its own CLOSE succeeds.
 */
final class ForceCloseLeavesSmbOpenUsable implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.forceCloseNotice = (handle, deleteOnClose) -> false);
    }
}
