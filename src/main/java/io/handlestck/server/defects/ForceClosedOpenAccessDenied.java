package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.Handle;
import io.handlestck.server.smb.ForceCloseNotice;

/**
 * Ends an SMB open that REST force-closed, but fails its client's next request with
 * STATUS_ACCESS_DENIED, as if the handle had lost its rights, instead of a status saying it is gone.
 */
final class ForceClosedOpenAccessDenied implements Fault {

    /** STATUS_ACCESS_DENIED (MS-ERREF §2.3). */
    private static final int ACCESS_DENIED = 0xC0000022;

    @Override
    public Strategies strategies(Strategies strategies) {
        ForceCloseNotice service = strategies.forceCloseNotice();
        return strategies.with(draft -> draft.forceCloseNotice = new ForceCloseNotice() {
            @Override
            public boolean endsOpen(Handle handle, boolean deleteOnClose) {
                return service.endsOpen(handle, deleteOnClose);
            }

            @Override
            public int status() {
                return ACCESS_DENIED;
            }
        });
    }
}
