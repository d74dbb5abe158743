package io.handlestck.server.smb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SMB session of a connection: in progress until AUTHENTICATE succeeds, then signed with its
 * session key. Its trees and opens are touched only by the connection's own thread; a force close
 * from REST reaches an open through the model's handle state, never through these maps.
 */
final class SmbSession {

    static final int MAX_TREES = 64;
    static final int MAX_OPENS = 4096;

    final long id;
    byte[] serverChallenge;
    Ntlm.Authenticated identity;
    final Map<Integer, SmbTree> trees = new LinkedHashMap<>();
    final Map<Long, SmbOpen> opens = new LinkedHashMap<>();
    private int nextTreeId = 1;
    private long nextVolatileId = 1;

    SmbSession(long id) {
        this.id = id;
    }

    boolean authenticated() {
        return identity != null;
    }

    byte[] signingKey() {
        return identity == null ? null : identity.sessionKey();
    }

    String workstation() {
        return identity == null ? "" : identity.workstation();
    }

    int newTreeId() {
        return nextTreeId++;
    }

    long newVolatileId() {
        return nextVolatileId++;
    }
}
