package io.handlestck.server.smb;

import io.handlestck.server.model.Handle;
import io.handlestck.server.model.Namespace;
import io.handlestck.server.model.Node;
import java.util.List;

/**
 * An SMB open (MS-SMB2 Open): the model's {@link Handle} it holds, so List Handles lists it and
 * Force Close Handles closes it, plus what SMB itself needs: the access granted, the share modes
 * other opens must respect, delete-on-close and a directory enumeration's cursor.
 */
final class SmbOpen {

    private final long persistentId;
    private final long volatileId;
    private final SmbTree tree;
    private final SmbSession session;
    private final String clientIp;
    private final int access;
    private final int shareAccess;
    private volatile Handle handle;
    private volatile boolean deleteOnClose;
    /** The names a QUERY_DIRECTORY enumeration returns, and how many were returned so far. */
    List<DirectoryCommand.Entry> listing;
    int listed;

    SmbOpen(long volatileId, SmbTree tree, SmbSession session, String clientIp, int access, int shareAccess,
            boolean deleteOnClose, Handle handle) {
        this.persistentId = handle.id();
        this.volatileId = volatileId;
        this.tree = tree;
        this.session = session;
        this.clientIp = clientIp;
        this.access = access;
        this.shareAccess = shareAccess;
        this.deleteOnClose = deleteOnClose;
        this.handle = handle;
    }

    long persistentId() {
        return persistentId;
    }

    long volatileId() {
        return volatileId;
    }

    SmbTree tree() {
        return tree;
    }

    SmbSession session() {
        return session;
    }

    String clientIp() {
        return clientIp;
    }

    int access() {
        return access;
    }

    int shareAccess() {
        return shareAccess;
    }

    Handle handle() {
        return handle;
    }

    /** After a rename the open holds a handle on the new path (see {@link OpenTable#rename}). */
    void handle(Handle renamed) {
        this.handle = renamed;
    }

    Node node() {
        return handle.node();
    }

    Namespace namespace() {
        return handle.node().namespace();
    }

    boolean deleteOnClose() {
        return deleteOnClose;
    }

    void deleteOnClose(boolean pending) {
        this.deleteOnClose = pending;
    }

    boolean granted(int mask) {
        return (access & mask) != 0;
    }

    /** Throws STATUS_ACCESS_DENIED unless the open was granted one of the rights in {@code mask}. */
    void require(int mask) {
        if (!granted(mask)) {
            throw new SmbException(NtStatus.ACCESS_DENIED, "not granted");
        }
    }
}
