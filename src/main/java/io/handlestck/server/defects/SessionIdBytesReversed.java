package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/**
 * Records an SMB open's SessionId with its eight bytes reversed, as a server that reads the SMB2
 * header's little-endian SessionId field big-endian would list it.
 */
final class SessionIdBytesReversed implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.openIdentity = stated -> stated.withSessionId(Long.reverseBytes(stated.sessionId())));
    }
}
