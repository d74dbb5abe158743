package io.handlestck.server.smb;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One TCP connection: direct-TCP framing (MS-SMB2 §2.1: a zero byte and a 24-bit length), compound
 * chains (§3.3.5.2.7), signing, and the dispatch of each request to its command. A frame that cannot
 * be SMB2 (bad framing, oversized, not negotiated first) closes the connection; a bad request inside a
 * good frame gets an error status and the connection goes on. When the connection ends, its
 * sessions' opens are closed as a LOGOFF would.
 */
final class SmbConnection implements Runnable {

    /** The largest read, write and transaction advertised (no LARGE_MTU: 64 KiB). */
    static final int MAX_IO = 65536;
    /** A frame holds at most one maximal WRITE and its headers. */
    static final int MAX_FRAME = MAX_IO + 4096;
    static final int MAX_SESSIONS = 16;
    private static final int READ_TIMEOUT_MS = 30 * 60 * 1000;

    private final SmbServer server;
    private final Socket socket;
    private final String clientIp;
    private final Commands commands;
    final Map<Long, SmbSession> sessions = new LinkedHashMap<>();
    /** The dialect NEGOTIATE chose; 0 before, 0x02FF after an SMB1 negotiate that asked for a second round. */
    int dialect;
    int clientSecurityMode;
    int clientCapabilities;
    byte[] clientGuid = new byte[16];

    SmbConnection(SmbServer server, Socket socket) throws IOException {
        this.server = server;
        this.socket = socket;
        InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.clientIp = peer.getAddress().getHostAddress() + ":" + peer.getPort();
        this.commands = new Commands(server);
        socket.setSoTimeout(READ_TIMEOUT_MS);
    }

    SmbServer server() {
        return server;
    }

    /** The client's {@code ip:port}, as List Handles reports it. */
    String clientIp() {
        return clientIp;
    }

    boolean negotiated() {
        return dialect == 0x0202 || dialect == 0x0210;
    }

    @Override
    public void run() {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 8192));
            OutputStream out = socket.getOutputStream();
            while (true) {
                int head = in.readInt();
                int length = head & 0xFFFFFF;
                if ((head >>> 24) != 0 || length > MAX_FRAME || length < 4) {
                    return; // not direct-TCP SMB framing, or more than any request may be
                }
                byte[] frame = new byte[length];
                in.readFully(frame);
                byte[] response = serve(frame);
                if (response == null) {
                    return;
                }
                if (response.length > 0) {
                    out.write(response);
                    out.flush();
                }
            }
        } catch (EOFException | java.net.SocketException | java.net.SocketTimeoutException gone) {
            // the client went away or stayed silent too long
        } catch (IOException | RuntimeException e) {
            // a broken connection ends only itself
        } finally {
            releaseAll();
            server.ended(this);
        }
    }

    /** Closes the socket from outside (server shutdown); the reading thread then cleans up. */
    void disconnect() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** The framed response to one frame, an empty array for none (CANCEL), or null to close the connection. */
    private byte[] serve(byte[] frame) {
        if (!negotiated() && Smb1Negotiate.isSmb1(frame)) {
            return dialect == 0 ? Smb1Negotiate.answer(this, frame) : null;
        }
        List<byte[]> responses = new ArrayList<>(1);
        List<byte[]> signingKeys = new ArrayList<>(1);
        int offset = 0;
        long[] relatedFileId = null;
        long relatedSession = 0;
        int relatedTree = 0;
        int relatedStatus = NtStatus.SUCCESS;
        while (true) {
            int remaining = frame.length - offset;
            SmbMessage request = SmbMessage.parse(frame, offset, remaining);
            if (request == null) {
                return responses.isEmpty() ? null : frame(responses, signingKeys);
            }
            int next = request.nextCommand;
            boolean lengthOk = next == 0 || (next >= SmbMessage.HEADER_SIZE && next % 8 == 0 && next <= remaining);
            request = lengthOk && next != 0 ? SmbMessage.parse(frame, offset, next) : request;
            if (!negotiated() && request.command != SmbMessage.NEGOTIATE) {
                return null; // MS-SMB2 §3.3.5.2: anything before NEGOTIATE ends the connection
            }
            if (request.command == SmbMessage.NEGOTIATE && (negotiated() || offset > 0)) {
                return null; // a second NEGOTIATE, or one inside a compound chain
            }
            boolean related = offset > 0 && request.has(SmbMessage.FLAG_RELATED);
            long sessionId = related ? relatedSession : request.sessionId;
            int treeId = related ? relatedTree : request.treeId;
            Dispatched result = dispatch(request, sessionId, treeId, related ? relatedFileId : null,
                    related ? relatedStatus : NtStatus.SUCCESS, lengthOk);
            if (request.command != SmbMessage.CANCEL) {
                responses.add(header(request, result.reply, result.treeId != 0 ? result.treeId : treeId, related));
                signingKeys.add(result.signingKey);
            }
            relatedSession = result.reply.sessionId != null ? result.reply.sessionId : sessionId;
            relatedTree = result.treeId != 0 ? result.treeId : treeId;
            relatedFileId = result.fileId != null ? result.fileId : relatedFileId;
            if (request.command == SmbMessage.CREATE) {
                // as Samba does: a failed CREATE fails the related requests after it with its status
                relatedStatus = NtStatus.isError(result.reply.status) ? result.reply.status : NtStatus.SUCCESS;
            }
            if (next == 0 || !lengthOk) {
                return frame(responses, signingKeys);
            }
            offset += next;
        }
    }

    /** A reply, the key to sign it with (null: unsigned), and what a related request after it inherits. */
    record Dispatched(SmbReply reply, byte[] signingKey, int treeId, long[] fileId) {
    }

    private Dispatched dispatch(SmbMessage request, long sessionId, int treeId, long[] relatedFileId,
                                int relatedStatus, boolean lengthOk) {
        SmbSession session = sessions.get(sessionId);
        byte[] key = session != null && request.has(SmbMessage.FLAG_SIGNED) ? session.signingKey() : null;
        if (!lengthOk) {
            return new Dispatched(SmbReply.error(NtStatus.INVALID_PARAMETER), key, 0, null);
        }
        if (relatedStatus != NtStatus.SUCCESS) {
            return new Dispatched(SmbReply.error(relatedStatus), key, 0, null);
        }
        if (key != null && !Signing.verify(key, request)) {
            return new Dispatched(SmbReply.error(NtStatus.ACCESS_DENIED), null, 0, null);
        }
        try {
            return commands.dispatch(this, request, session, treeId, relatedFileId, key);
        } catch (SmbException refused) {
            return new Dispatched(SmbReply.error(refused.status()), key, 0, null);
        } catch (RuntimeException bug) {
            return new Dispatched(SmbReply.error(NtStatus.INVALID_PARAMETER), key, 0, null);
        }
    }

    /** The response header (MS-SMB2 §2.2.1.2) and body of one reply. */
    private static byte[] header(SmbMessage request, SmbReply reply, int treeId, boolean related) {
        SmbWriter out = new SmbWriter(SmbMessage.HEADER_SIZE + reply.body.length + 8);
        out.u8(0xFE).u8('S').u8('M').u8('B').u16(SmbMessage.HEADER_SIZE).u16(request.creditCharge);
        out.u32(reply.status).u16(request.command);
        out.u16(Math.max(1, Math.min(request.creditRequest, 256)));
        out.u32(SmbMessage.FLAG_SERVER_TO_REDIR | (related ? SmbMessage.FLAG_RELATED : 0));
        out.u32(0).u64(request.messageId).u32(request.processId).u32(treeId);
        out.u64(reply.sessionId != null ? reply.sessionId : request.sessionId).zeros(16);
        out.bytes(reply.body);
        return out.toArray();
    }

    /** Chains the responses (8-byte aligned, NextCommand set), signs each that must be, adds the frame header. */
    private static byte[] frame(List<byte[]> responses, List<byte[]> keys) {
        if (responses.isEmpty()) {
            return new byte[0];
        }
        SmbWriter out = new SmbWriter(4 + responses.stream().mapToInt(r -> r.length + 8).sum());
        out.u32(0);
        for (int i = 0; i < responses.size(); i++) {
            byte[] response = responses.get(i);
            int start = out.length();
            out.bytes(response);
            boolean last = i == responses.size() - 1;
            if (!last) {
                int padding = (8 - response.length % 8) % 8;
                out.zeros(padding);
                out.putU32(start + 20, response.length + padding);
            }
            if (keys.get(i) != null) {
                Signing.sign(keys.get(i), out.array(), start, out.length() - start);
            }
        }
        int length = out.length() - 4;
        byte[] framed = out.toArray();
        framed[1] = (byte) (length >>> 16);
        framed[2] = (byte) (length >>> 8);
        framed[3] = (byte) length;
        return framed;
    }

    /** Ends every session of the connection, closing their opens. */
    private void releaseAll() {
        for (SmbSession session : sessions.values()) {
            SessionCommands.endSession(server, session);
        }
        sessions.clear();
    }
}
