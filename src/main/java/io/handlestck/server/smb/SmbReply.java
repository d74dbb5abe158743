package io.handlestck.server.smb;

/** What a command answers: an NT status and the response body (the header is the connection's). */
final class SmbReply {

    /** The body of an SMB2 ERROR response (MS-SMB2 §2.2.2): StructureSize 9, no error data. */
    private static final byte[] ERROR_BODY = {9, 0, 0, 0, 0, 0, 0, 0, 0};

    final int status;
    final byte[] body;
    /** The SessionId to put in the header when the command assigns one (SESSION_SETUP), else null. */
    final Long sessionId;

    private SmbReply(int status, byte[] body, Long sessionId) {
        this.status = status;
        this.body = body;
        this.sessionId = sessionId;
    }

    static SmbReply ok(SmbWriter body) {
        return new SmbReply(NtStatus.SUCCESS, body.toArray(), null);
    }

    static SmbReply of(int status, SmbWriter body) {
        return new SmbReply(status, body.toArray(), null);
    }

    static SmbReply error(int status) {
        return new SmbReply(status, ERROR_BODY, null);
    }

    SmbReply withSession(long id) {
        return new SmbReply(status, body, id);
    }

    /** A body of just StructureSize 4 and a reserved field (ECHO, FLUSH, LOGOFF, TREE_DISCONNECT). */
    static SmbReply empty() {
        return ok(new SmbWriter(4).u16(4).u16(0));
    }
}
