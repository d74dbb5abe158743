package io.handlestck.server.smb;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** NEGOTIATE (MS-SMB2 §3.3.5.4), SESSION_SETUP with NTLMv2 in SPNEGO (§3.3.5.5) and LOGOFF (§3.3.5.6). */
final class SessionCommands {

    static final int DIALECT_202 = 0x0202;
    static final int DIALECT_210 = 0x0210;
    static final int DIALECT_WILDCARD = 0x02FF;
    static final int SIGNING_ENABLED = 0x1;
    static final int SIGNING_REQUIRED = 0x2;
    private static final String COMPUTER = "HANDLESTCK";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SmbServer server;

    SessionCommands(SmbServer server) {
        this.server = server;
    }

    SmbReply negotiate(SmbConnection connection, SmbMessage request) {
        request.requireStructureSize(36);
        int count = request.u16(66);
        if (count == 0) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "no dialects");
        }
        boolean offers202 = false;
        boolean offers210 = false;
        for (int i = 0; i < count; i++) {
            int dialect = request.u16(100 + 2 * i);
            offers202 |= dialect == DIALECT_202;
            offers210 |= dialect == DIALECT_210;
        }
        if (!offers202 && !offers210) {
            throw new SmbException(NtStatus.NOT_SUPPORTED, "no common dialect");
        }
        connection.dialect = offers210 ? DIALECT_210 : DIALECT_202;
        connection.clientSecurityMode = request.u16(68);
        connection.clientCapabilities = request.u32(72);
        connection.clientGuid = request.bytes(76, 16);
        return SmbReply.ok(negotiateBody(connection.dialect));
    }

    /** The NEGOTIATE response body for a dialect (also the answer to an SMB1 negotiate). */
    SmbWriter negotiateBody(int dialect) {
        byte[] token = Spnego.negTokenInit();
        SmbWriter body = new SmbWriter(64 + token.length);
        body.u16(65).u16(SIGNING_ENABLED).u16(dialect).u16(0).bytes(server.serverGuid());
        body.u32(0).u32(SmbConnection.MAX_IO).u32(SmbConnection.MAX_IO).u32(SmbConnection.MAX_IO);
        body.u64(FileInfo.filetime(System.currentTimeMillis())).u64(FileInfo.filetime(server.startTime()));
        body.u16(SmbMessage.HEADER_SIZE + 64).u16(token.length).u32(0).bytes(token);
        return body;
    }

    SmbConnection.Dispatched sessionSetup(SmbConnection connection, SmbMessage request) {
        request.requireStructureSize(25);
        if ((request.u8(66) & 0x1) != 0) {
            throw new SmbException(NtStatus.REQUEST_NOT_ACCEPTED, "no multichannel binding in SMB 2.x");
        }
        boolean wantsSigning = (request.u8(67) & (SIGNING_ENABLED | SIGNING_REQUIRED)) != 0;
        byte[] buffer = request.bytes(request.u16(76), request.u16(78));
        int at = Spnego.ntlmOffset(buffer);
        if (at < 0) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "no NTLMSSP token");
        }
        boolean spnego = at > 0;
        return switch (Ntlm.messageType(buffer, at)) {
            case 1 -> challenge(connection, request, buffer, at, spnego);
            case 3 -> authenticate(connection, request, buffer, at, spnego, wantsSigning);
            default -> throw new SmbException(NtStatus.INVALID_PARAMETER, "unexpected NTLM message");
        };
    }

    private SmbConnection.Dispatched challenge(SmbConnection connection, SmbMessage request, byte[] buffer, int at,
                                               boolean spnego) {
        SmbSession session = connection.sessions.get(request.sessionId);
        if (session == null || session.authenticated()) {
            if (request.sessionId != 0) {
                throw new SmbException(NtStatus.USER_SESSION_DELETED, "unknown session");
            }
            if (connection.sessions.size() >= SmbConnection.MAX_SESSIONS) {
                throw new SmbException(NtStatus.INSUFFICIENT_RESOURCES, "too many sessions");
            }
            session = new SmbSession(newSessionId(connection));
            connection.sessions.put(session.id, session);
        }
        byte[] serverChallenge = new byte[8];
        RANDOM.nextBytes(serverChallenge);
        session.serverChallenge = serverChallenge;
        byte[] ntlm = Ntlm.challenge(serverChallenge, Ntlm.negotiateFlags(buffer, at), COMPUTER);
        byte[] token = spnego ? Spnego.negTokenResp(Spnego.ACCEPT_INCOMPLETE, ntlm, true) : ntlm;
        return new SmbConnection.Dispatched(SmbReply.of(NtStatus.MORE_PROCESSING_REQUIRED, setupBody(token))
                .withSession(session.id), null, 0, null);
    }

    private SmbConnection.Dispatched authenticate(SmbConnection connection, SmbMessage request, byte[] buffer, int at,
                                                  boolean spnego, boolean wantsSigning) {
        SmbSession session = connection.sessions.get(request.sessionId);
        if (session == null || session.authenticated() || session.serverChallenge == null) {
            throw new SmbException(NtStatus.USER_SESSION_DELETED, "no session awaiting AUTHENTICATE");
        }
        try {
            session.identity = Ntlm.verify(buffer, at, session.serverChallenge, server.context().settings().account(),
                    server.context().settings().key());
        } catch (SmbException failed) {
            connection.sessions.remove(session.id);
            throw failed;
        } finally {
            session.serverChallenge = null;
        }
        byte[] token = spnego ? Spnego.negTokenResp(Spnego.ACCEPT_COMPLETED, null, false) : new byte[0];
        return new SmbConnection.Dispatched(SmbReply.ok(setupBody(token)).withSession(session.id),
                wantsSigning ? session.signingKey() : null, 0, null);
    }

    private static SmbWriter setupBody(byte[] token) {
        SmbWriter body = new SmbWriter(8 + token.length);
        body.u16(9).u16(0).u16(SmbMessage.HEADER_SIZE + 8).u16(token.length).bytes(token);
        return body;
    }

    SmbReply logoff(SmbConnection connection, SmbMessage request, SmbSession session) {
        request.requireStructureSize(4);
        connection.sessions.remove(session.id);
        endSession(server, session);
        return SmbReply.empty();
    }

    /** Closes every open of the session, as its client would, and forgets its trees. */
    static void endSession(SmbServer server, SmbSession session) {
        for (SmbOpen open : session.opens.values()) {
            server.opens().close(open);
        }
        session.opens.clear();
        session.trees.clear();
    }

    private static long newSessionId(SmbConnection connection) {
        while (true) {
            long id = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            if (id != 0 && !connection.sessions.containsKey(id)) {
                return id;
            }
        }
    }
}
