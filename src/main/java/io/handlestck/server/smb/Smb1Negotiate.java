package io.handlestck.server.smb;

import java.nio.charset.StandardCharsets;

/**
 * The multi-protocol negotiate (MS-SMB2 §3.3.5.3.1): a client that starts with an SMB1 NEGOTIATE
 * naming SMB2 dialects gets an SMB2 NEGOTIATE response, with dialect 2.??? when it offered that
 * (then a second, SMB2, NEGOTIATE follows) or 2.0.2. SMB1 itself is not served.
 */
final class Smb1Negotiate {

    private static final int SMB1_NEGOTIATE = 0x72;
    private static final int SMB1_HEADER = 32;

    private Smb1Negotiate() {
    }

    static boolean isSmb1(byte[] frame) {
        return frame.length >= SMB1_HEADER + 3 && (frame[0] & 0xFF) == 0xFF && frame[1] == 'S' && frame[2] == 'M'
                && frame[3] == 'B';
    }

    /** The framed SMB2 answer, or null (close the connection) when no SMB2 dialect is offered. */
    static byte[] answer(SmbConnection connection, byte[] frame) {
        if ((frame[4] & 0xFF) != SMB1_NEGOTIATE) {
            return null;
        }
        int byteCount = (frame[SMB1_HEADER + 1] & 0xFF) | (frame[SMB1_HEADER + 2] & 0xFF) << 8;
        int end = Math.min(frame.length, SMB1_HEADER + 3 + byteCount);
        String dialects = new String(frame, SMB1_HEADER + 3, Math.max(0, end - SMB1_HEADER - 3), StandardCharsets.ISO_8859_1);
        int dialect;
        if (dialects.contains("SMB 2.???")) {
            dialect = SessionCommands.DIALECT_WILDCARD;
        } else if (dialects.contains("SMB 2.002")) {
            dialect = SessionCommands.DIALECT_202;
        } else {
            return null;
        }
        connection.dialect = dialect;
        SmbWriter body = new SessionCommands(connection.server()).negotiateBody(dialect);
        byte[] bodyBytes = body.toArray();
        SmbWriter out = new SmbWriter(4 + SmbMessage.HEADER_SIZE + bodyBytes.length);
        int length = SmbMessage.HEADER_SIZE + bodyBytes.length;
        out.u8(0).u8(length >>> 16).u8(length >>> 8).u8(length);
        out.u8(0xFE).u8('S').u8('M').u8('B').u16(SmbMessage.HEADER_SIZE).u16(0).u32(NtStatus.SUCCESS);
        out.u16(SmbMessage.NEGOTIATE).u16(1).u32(SmbMessage.FLAG_SERVER_TO_REDIR).u32(0).u64(0);
        out.u32(0).u32(0).u64(0).zeros(16).bytes(bodyBytes);
        return out.toArray();
    }
}
