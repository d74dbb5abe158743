package io.handlestck.server.smb;

/** A request the server refuses with an NT status; the connection goes on. */
final class SmbException extends RuntimeException {

    private final int status;

    SmbException(int status, String why) {
        super(why, null, false, false); // an expected answer, not a crash: no stack trace
        this.status = status;
    }

    int status() {
        return status;
    }
}
