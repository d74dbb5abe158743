package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.smb.ForceCloseNotice;

/**
 * Force Close Handles closes a delete-on-close SMB open in the listing and counts it, but the SMB
 * layer spares such opens, as if their pending delete had to wait for the client's own close: the
 * client keeps reading and writing. Every other open ends as the service's does.
 */
final class ForceCloseSparesDeleteOnCloseOpens implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.forceCloseNotice = (handle, deleteOnClose) -> !deleteOnClose
                && ForceCloseNotice.SERVICE.endsOpen(handle, false));
    }
}
