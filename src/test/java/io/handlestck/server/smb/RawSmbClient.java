package io.handlestck.server.smb;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A hand-rolled SMB 2.1 client for what smbj cannot send: compound chains, create contexts,
 * CANCEL, and malformed messages. Authenticates with bare NTLMSSP (no SPNEGO) and does not sign.
 */
final class RawSmbClient implements AutoCloseable {

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private long messageId;
    long sessionId;
    int treeId;

    RawSmbClient(int port, int timeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** NEGOTIATE, SESSION_SETUP ×2 and TREE_CONNECT to {@code \\127.0.0.1\share}. */
    RawSmbClient connect(String account, String key, String share) throws IOException {
        SmbWriter negotiate = new SmbWriter(40).u16(36).u16(2).u16(1).u16(0).u32(0).zeros(16).u64(0).u16(0x0202).u16(0x0210);
        expectStatus(call(SmbMessage.NEGOTIATE, negotiate.toArray()), 0);
        byte[] ntlmNegotiate = new SmbWriter(32).bytes(Spnego.NTLM_SIGNATURE).u32(1)
                .u32(Ntlm.NEGOTIATE_UNICODE | Ntlm.NEGOTIATE_NTLM | Ntlm.NEGOTIATE_128 | Ntlm.NEGOTIATE_EXTENDED_SESSIONSECURITY)
                .zeros(16).toArray();
        ByteBuffer challenge = call(SmbMessage.SESSION_SETUP, setup(ntlmNegotiate));
        expectStatus(challenge, 0xC0000016);
        sessionId = challenge.getLong(40);
        byte[] token = securityBuffer(challenge);
        ByteBuffer ntlm = ByteBuffer.wrap(token).order(ByteOrder.LITTLE_ENDIAN);
        byte[] serverChallenge = new byte[8];
        ntlm.get(24, serverChallenge);
        byte[] targetInfo = new byte[ntlm.getShort(40) & 0xFFFF];
        ntlm.get(ntlm.getInt(44), targetInfo);
        expectStatus(call(SmbMessage.SESSION_SETUP, setup(authenticate(account, key, serverChallenge, targetInfo))), 0);
        byte[] path = ("\\\\127.0.0.1\\" + share).getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer tree = call(SmbMessage.TREE_CONNECT, new SmbWriter(8 + path.length).u16(9).u16(0)
                .u16(SmbMessage.HEADER_SIZE + 8).u16(path.length).bytes(path).toArray());
        expectStatus(tree, 0);
        treeId = tree.getInt(36);
        return this;
    }

    private static byte[] setup(byte[] token) {
        return new SmbWriter(24 + token.length).u16(25).u8(0).u8(1).u32(0).u32(0)
                .u16(SmbMessage.HEADER_SIZE + 24).u16(token.length).u64(0).bytes(token).toArray();
    }

    private static byte[] authenticate(String account, String key, byte[] serverChallenge, byte[] targetInfo) {
        byte[] ntowf = Ntlm.hmacMd5(Ntlm.md4(key.getBytes(StandardCharsets.UTF_16LE)),
                (account.toUpperCase(Locale.ROOT) + "AZURE").getBytes(StandardCharsets.UTF_16LE));
        byte[] blob = new SmbWriter(32 + targetInfo.length).u8(1).u8(1).u16(0).u32(0).u64(FileInfo.filetime(System.currentTimeMillis()))
                .u64(0x1122334455667788L).u32(0).bytes(targetInfo).u32(0).toArray();
        byte[] challengeAndBlob = new SmbWriter(8 + blob.length).bytes(serverChallenge).bytes(blob).toArray();
        byte[] proof = Ntlm.hmacMd5(ntowf, challengeAndBlob);
        byte[] ntResponse = new SmbWriter(16 + blob.length).bytes(proof).bytes(blob).toArray();
        byte[] domain = "AZURE".getBytes(StandardCharsets.UTF_16LE);
        byte[] user = account.getBytes(StandardCharsets.UTF_16LE);
        byte[] workstation = "RAWCLIENT".getBytes(StandardCharsets.UTF_16LE);
        int at = 72; // the fixed part, with the 8-byte Version
        SmbWriter message = new SmbWriter(64 + ntResponse.length + 64).bytes(Spnego.NTLM_SIGNATURE).u32(3);
        message.u16(0).u16(0).u32(at);
        message.u16(ntResponse.length).u16(ntResponse.length).u32(at);
        at += ntResponse.length;
        message.u16(domain.length).u16(domain.length).u32(at);
        at += domain.length;
        message.u16(user.length).u16(user.length).u32(at);
        at += user.length;
        message.u16(workstation.length).u16(workstation.length).u32(at);
        at += workstation.length;
        message.u16(0).u16(0).u32(at).u32(Ntlm.NEGOTIATE_UNICODE | Ntlm.NEGOTIATE_NTLM | Ntlm.NEGOTIATE_128).u64(0);
        return message.bytes(ntResponse).bytes(domain).bytes(user).bytes(workstation).toArray();
    }

    /** One request, one response (read as a little-endian buffer over the first message). */
    ByteBuffer call(int command, byte[] body) throws IOException {
        send(message(command, body, 0));
        return receive();
    }

    /** A header for the session and tree, the next MessageId, and the body. */
    byte[] message(int command, byte[] body, int flags) {
        return new SmbWriter(SmbMessage.HEADER_SIZE + body.length).u8(0xFE).u8('S').u8('M').u8('B').u16(64).u16(1)
                .u32(0).u16(command).u16(8).u32(flags).u32(0).u64(messageId++).u32(0).u32(treeId).u64(sessionId)
                .zeros(16).bytes(body).toArray();
    }

    /** Sends messages as one frame (a compound chain when there are several: NextCommand is set here). */
    void send(byte[]... messages) throws IOException {
        SmbWriter frame = new SmbWriter(1024).u32(0);
        for (int i = 0; i < messages.length; i++) {
            int start = frame.length();
            frame.bytes(messages[i]);
            if (i < messages.length - 1) {
                int padding = (8 - messages[i].length % 8) % 8;
                frame.zeros(padding);
                frame.putU32(start + 20, messages[i].length + padding);
            }
        }
        sendFrame(frame.toArray());
    }

    /** Writes bytes with a correct frame length in front of them (the first four bytes are replaced). */
    void sendFrame(byte[] framed) throws IOException {
        int length = framed.length - 4;
        framed[0] = 0;
        framed[1] = (byte) (length >>> 16);
        framed[2] = (byte) (length >>> 8);
        framed[3] = (byte) length;
        out.write(framed);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next response frame, whole (all compounded responses). */
    ByteBuffer receive() throws IOException {
        int length = in.readInt() & 0xFFFFFF;
        byte[] frame = new byte[length];
        in.readFully(frame);
        return ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    }

    long nextMessageId() {
        return messageId;
    }

    static int status(ByteBuffer response) {
        return response.getInt(8);
    }

    static void expectStatus(ByteBuffer response, int status) {
        if (status(response) != status) {
            throw new AssertionError(String.format("status 0x%08X, expected 0x%08X", status(response), status));
        }
    }

    private static byte[] securityBuffer(ByteBuffer response) {
        byte[] token = new byte[response.getShort(64 + 6) & 0xFFFF];
        response.get(response.getShort(64 + 4) & 0xFFFF, token);
        return token;
    }

    /** A CREATE body for {@code name} with the access, share mode, disposition and options, and optional contexts. */
    static byte[] create(String name, int access, int share, int disposition, int options, byte[] contexts) {
        byte[] encoded = name.getBytes(StandardCharsets.UTF_16LE);
        int nameOffset = SmbMessage.HEADER_SIZE + 56;
        int contextsOffset = contexts.length == 0 ? 0 : (nameOffset + encoded.length + 7) / 8 * 8;
        SmbWriter body = new SmbWriter(64 + encoded.length + contexts.length).u16(57).u8(0).u8(0).u32(2).u64(0).u64(0)
                .u32(access).u32(0).u32(share).u32(disposition).u32(options).u16(nameOffset).u16(encoded.length)
                .u32(contextsOffset).u32(contexts.length).bytes(encoded);
        if (contexts.length > 0) {
            body.zeros(contextsOffset - SmbMessage.HEADER_SIZE - body.length()).bytes(contexts);
        } else if (encoded.length == 0) {
            body.u8(0);
        }
        return body.toArray();
    }

    static byte[] read(long persistent, long volatileId, int length, long offset) {
        return new SmbWriter(49).u16(49).u8(0).u8(0).u32(length).u64(offset).u64(persistent).u64(volatileId)
                .u32(0).u32(0).u32(0).u16(0).u16(0).u8(0).toArray();
    }

    static byte[] close(long persistent, long volatileId) {
        return new SmbWriter(24).u16(24).u16(0).u32(0).u64(persistent).u64(volatileId).toArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
