package io.handlestck.server.smb;

/**
 * One request being served: the message, and the session and tree it names (or, in a related
 * compound chain, inherits). Finds the open a FileId names, and notices when REST force-closed it.
 */
final class SmbCall {

    final SmbConnection connection;
    final SmbMessage request;
    final SmbSession session;
    final SmbTree tree;
    private final long[] relatedFileId;

    SmbCall(SmbConnection connection, SmbMessage request, SmbSession session, SmbTree tree, long[] relatedFileId) {
        this.connection = connection;
        this.request = request;
        this.session = session;
        this.tree = tree;
        this.relatedFileId = relatedFileId;
    }

    /**
     * The open named by the 16-byte FileId at {@code at} (all ones in a related request: the one the
     * chain's CREATE made). STATUS_FILE_CLOSED when the session holds no such open; the status of the
     * {@link ForceCloseNotice} when it was force-closed: then it is forgotten here too.
     */
    SmbOpen open(int at) {
        long persistent = request.u64(at);
        long volatileId = request.u64(at + 8);
        if (persistent == -1L && volatileId == -1L) {
            if (relatedFileId == null) {
                throw new SmbException(NtStatus.INVALID_PARAMETER, "no related FileId");
            }
            persistent = relatedFileId[0];
            volatileId = relatedFileId[1];
        }
        SmbOpen open = session.opens.get(volatileId);
        if (open == null || open.persistentId() != persistent || open.tree() != tree) {
            throw new SmbException(NtStatus.FILE_CLOSED, "no such open");
        }
        ForceCloseNotice notice = connection.server().context().strategies().forceCloseNotice();
        if (notice.endsOpen(open.handle(), open.deleteOnClose())) {
            session.opens.remove(volatileId);
            connection.server().opens().forget(open);
            throw new SmbException(notice.status(), "force-closed");
        }
        return open;
    }
}
