package io.handlestck.server.smb;

import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;

/**
 * What the client's own end of an open (CLOSE, LOGOFF, TREE_DISCONNECT, a lost connection) does to
 * the handle the service lists for it. A strategy the server's SMB endpoint takes, so the rule can be
 * swapped without the commands knowing why.
 */
@FunctionalInterface
public interface ClientClose {

    /** The service's rule: the handle is closed and leaves the index. */
    ClientClose SERVICE = HandleIndex::clientClose;

    /** Ends {@code handle} in {@code handles}; false when it was no longer open (REST force-closed it first). */
    boolean end(HandleIndex handles, Handle handle);
}
