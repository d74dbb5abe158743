package io.handlestck.server.smb;

import io.handlestck.server.model.Handle;

/**
 * Whether the SMB layer sees that REST force-closed the handle an open holds, and so ends the open,
 * and the NT status its client's next request on it gets. A strategy the server's SMB endpoint
 * takes, so the rule can be swapped without the commands knowing why.
 */
@FunctionalInterface
public interface ForceCloseNotice {

    /** The service's rule: a handle no longer open in the model has ended its open, whatever the open was. */
    ForceCloseNotice SERVICE = (handle, deleteOnClose) -> !handle.isOpen();

    /**
     * @param handle        the model's handle the open holds
     * @param deleteOnClose whether the open carries a pending delete (FILE_DELETE_ON_CLOSE or a delete disposition)
     */
    boolean endsOpen(Handle handle, boolean deleteOnClose);

    /** The status a request on an ended open fails with: STATUS_FILE_CLOSED, as for an Open that is not found (MS-SMB2 §3.3.5.12). */
    default int status() {
        return NtStatus.FILE_CLOSED;
    }
}
