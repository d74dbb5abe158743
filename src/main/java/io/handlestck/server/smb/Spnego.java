package io.handlestck.server.smb;

import java.io.ByteArrayOutputStream;

/**
 * The few SPNEGO (RFC 4178) tokens an NTLM-only server sends, DER-encoded, and finding the NTLMSSP
 * message inside what a client sends. Clients wrap NTLM in NegTokenInit (first round) and
 * NegTokenResp (second round); some send bare NTLMSSP. Either way the NTLM message is the octet
 * string that starts with its signature, and its own offsets are bounded by its length.
 */
final class Spnego {

    /** 1.3.6.1.5.5.2, the SPNEGO mechanism. */
    private static final byte[] SPNEGO_OID = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x02};
    /** 1.3.6.1.4.1.311.2.2.10, NTLMSSP. */
    private static final byte[] NTLMSSP_OID = {0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x02, 0x0a};
    static final byte[] NTLM_SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};

    static final int ACCEPT_COMPLETED = 0;
    static final int ACCEPT_INCOMPLETE = 1;
    static final int REJECT = 2;

    private Spnego() {
    }

    /** The NEGOTIATE response's security buffer: a NegTokenInit whose only mechanism is NTLMSSP. */
    static byte[] negTokenInit() {
        byte[] mechTypes = tlv(0xA0, tlv(0x30, tlv(0x06, NTLMSSP_OID)));
        byte[] init = tlv(0xA0, tlv(0x30, mechTypes));
        return tlv(0x60, concat(tlv(0x06, SPNEGO_OID), init));
    }

    /** A NegTokenResp with the state, the NTLM mechanism on the first answer, and the token when there is one. */
    static byte[] negTokenResp(int state, byte[] responseToken, boolean withMech) {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        fields.writeBytes(tlv(0xA0, tlv(0x0A, new byte[] {(byte) state})));
        if (withMech) {
            fields.writeBytes(tlv(0xA1, tlv(0x06, NTLMSSP_OID)));
        }
        if (responseToken != null) {
            fields.writeBytes(tlv(0xA2, tlv(0x04, responseToken)));
        }
        return tlv(0xA1, tlv(0x30, fields.toByteArray()));
    }

    /** The offset of the NTLMSSP message in a security buffer, or -1 when it holds none. */
    static int ntlmOffset(byte[] buffer) {
        outer:
        for (int i = 0; i + NTLM_SIGNATURE.length <= buffer.length; i++) {
            for (int j = 0; j < NTLM_SIGNATURE.length; j++) {
                if (buffer[i + j] != NTLM_SIGNATURE[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
