package io.handlestck.server.smb;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SMB 2.x message signing (MS-SMB2 §3.1.4.1): HMAC-SHA256 with the session key over the message with
 * a zeroed signature field, truncated to 16 bytes.
 */
final class Signing {

    private static final int SIGNATURE_AT = 48;
    private static final int SIGNATURE_SIZE = 16;

    private Signing() {
    }

    /** Signs the message at {@code start} (length {@code length}) in place, setting SMB2_FLAGS_SIGNED. */
    static void sign(byte[] key, byte[] buffer, int start, int length) {
        buffer[start + 16] |= SmbMessage.FLAG_SIGNED;
        java.util.Arrays.fill(buffer, start + SIGNATURE_AT, start + SIGNATURE_AT + SIGNATURE_SIZE, (byte) 0);
        byte[] mac = hmac(key, buffer, start, length);
        System.arraycopy(mac, 0, buffer, start + SIGNATURE_AT, SIGNATURE_SIZE);
    }

    /** True when the request's signature is the one the session key makes. */
    static boolean verify(byte[] key, SmbMessage request) {
        byte[] copy = new byte[request.length()];
        System.arraycopy(request.frame(), request.start(), copy, 0, copy.length);
        byte[] received = new byte[SIGNATURE_SIZE];
        System.arraycopy(copy, SIGNATURE_AT, received, 0, SIGNATURE_SIZE);
        java.util.Arrays.fill(copy, SIGNATURE_AT, SIGNATURE_AT + SIGNATURE_SIZE, (byte) 0);
        byte[] expected = java.util.Arrays.copyOf(hmac(key, copy, 0, copy.length), SIGNATURE_SIZE);
        return MessageDigest.isEqual(received, expected);
    }

    private static byte[] hmac(byte[] key, byte[] buffer, int start, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(buffer, start, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a standard JCA algorithm", e);
        }
    }
}
