package io.handlestck.server.smb;

import java.nio.charset.StandardCharsets;

/**
 * One SMB2 request of a frame (MS-SMB2 §2.2.1.2): the 64-byte sync header, parsed, and bounds-checked
 * little-endian access to the message. Offsets are from the start of the header, as the protocol's
 * own offset fields are; reading outside the message is STATUS_INVALID_PARAMETER, never an exception
 * that could reach the connection.
 */
final class SmbMessage {

    static final int HEADER_SIZE = 64;

    static final int NEGOTIATE = 0x00;
    static final int SESSION_SETUP = 0x01;
    static final int LOGOFF = 0x02;
    static final int TREE_CONNECT = 0x03;
    static final int TREE_DISCONNECT = 0x04;
    static final int CREATE = 0x05;
    static final int CLOSE = 0x06;
    static final int FLUSH = 0x07;
    static final int READ = 0x08;
    static final int WRITE = 0x09;
    static final int LOCK = 0x0A;
    static final int IOCTL = 0x0B;
    static final int CANCEL = 0x0C;
    static final int ECHO = 0x0D;
    static final int QUERY_DIRECTORY = 0x0E;
    static final int CHANGE_NOTIFY = 0x0F;
    static final int QUERY_INFO = 0x10;
    static final int SET_INFO = 0x11;
    static final int OPLOCK_BREAK = 0x12;

    static final int FLAG_SERVER_TO_REDIR = 0x1;
    static final int FLAG_ASYNC = 0x2;
    static final int FLAG_RELATED = 0x4;
    static final int FLAG_SIGNED = 0x8;

    private final byte[] frame;
    private final int start;
    private final int length;

    final int creditCharge;
    final int command;
    final int creditRequest;
    final int flags;
    final int nextCommand;
    final long messageId;
    final int processId;
    final int treeId;
    final long sessionId;

    /** The message at {@code start} of the frame, {@code length} bytes long; null when it is not an SMB2 request header. */
    static SmbMessage parse(byte[] frame, int start, int length) {
        if (length < HEADER_SIZE || (frame[start] & 0xFF) != 0xFE || frame[start + 1] != 'S'
                || frame[start + 2] != 'M' || frame[start + 3] != 'B') {
            return null;
        }
        return new SmbMessage(frame, start, length);
    }

    private SmbMessage(byte[] frame, int start, int length) {
        this.frame = frame;
        this.start = start;
        this.length = length;
        this.creditCharge = u16(6);
        this.command = u16(12);
        this.creditRequest = u16(14);
        this.flags = u32(16);
        this.nextCommand = u32(20);
        this.messageId = u64(24);
        this.processId = u32(32);
        this.treeId = u32(36);
        this.sessionId = u64(40);
    }

    int length() {
        return length;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean isAsync() {
        return has(FLAG_ASYNC);
    }

    /** The frame bytes of this message (for signature checks). */
    byte[] frame() {
        return frame;
    }

    int start() {
        return start;
    }

    int u8(int at) {
        check(at, 1);
        return frame[start + at] & 0xFF;
    }

    int u16(int at) {
        check(at, 2);
        int p = start + at;
        return (frame[p] & 0xFF) | (frame[p + 1] & 0xFF) << 8;
    }

    int u32(int at) {
        check(at, 4);
        int p = start + at;
        return (frame[p] & 0xFF) | (frame[p + 1] & 0xFF) << 8 | (frame[p + 2] & 0xFF) << 16 | (frame[p + 3] & 0xFF) << 24;
    }

    long u64(int at) {
        return (u32(at) & 0xFFFFFFFFL) | ((long) u32(at + 4)) << 32;
    }

    byte[] bytes(int at, int count) {
        check(at, count);
        byte[] copy = new byte[count];
        System.arraycopy(frame, start + at, copy, 0, count);
        return copy;
    }

    /** Copies {@code count} bytes at {@code at} into {@code target}. */
    void copy(int at, int count, byte[] target, int targetOffset) {
        check(at, count);
        System.arraycopy(frame, start + at, target, targetOffset, count);
    }

    String utf16(int at, int count) {
        if (count % 2 != 0) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "odd UTF-16 length");
        }
        check(at, count);
        return new String(frame, start + at, count, StandardCharsets.UTF_16LE);
    }

    /** The body's StructureSize must be what the command defines (MS-SMB2: otherwise INVALID_PARAMETER). */
    void requireStructureSize(int expected) {
        if (u16(HEADER_SIZE) != expected) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "bad StructureSize");
        }
    }

    private void check(int at, int count) {
        if (at < 0 || count < 0 || (long) at + count > length) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "field outside the message");
        }
    }
}
