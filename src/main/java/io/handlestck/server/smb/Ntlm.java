package io.handlestck.server.smb;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The server side of NTLMv2 (MS-NLMP): the CHALLENGE message, and checking an AUTHENTICATE message
 * against the account's name and key. The target info carries no MsvAvTimestamp, so clients send no
 * MIC; KEY_EXCH is not offered, so the session key is the SessionBaseKey (unless a client insists,
 * then its encrypted random key is unwrapped).
 */
final class Ntlm {

    static final int NEGOTIATE_UNICODE = 0x00000001;
    static final int REQUEST_TARGET = 0x00000004;
    static final int NEGOTIATE_SIGN = 0x00000010;
    static final int NEGOTIATE_NTLM = 0x00000200;
    static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    static final int TARGET_TYPE_SERVER = 0x00020000;
    static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    static final int NEGOTIATE_VERSION = 0x02000000;
    static final int NEGOTIATE_128 = 0x20000000;
    static final int NEGOTIATE_KEY_EXCH = 0x40000000;
    static final int NEGOTIATE_56 = 0x80000000;

    /** The flags this server grants when the client asks for them. */
    private static final int GRANTABLE = NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_SIGN | NEGOTIATE_NTLM
            | NEGOTIATE_ALWAYS_SIGN | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_TARGET_INFO | NEGOTIATE_VERSION
            | NEGOTIATE_128 | NEGOTIATE_56;
    /** Always granted: smbj requires NEGOTIATE_128, every client needs the target info for NTLMv2. */
    private static final int ALWAYS = NEGOTIATE_UNICODE | NEGOTIATE_NTLM | TARGET_TYPE_SERVER | NEGOTIATE_TARGET_INFO
            | NEGOTIATE_128 | NEGOTIATE_EXTENDED_SESSIONSECURITY;

    private static final int AV_EOL = 0;
    private static final int AV_NB_COMPUTER = 1;
    private static final int AV_NB_DOMAIN = 2;
    private static final int AV_DNS_COMPUTER = 3;
    private static final int AV_DNS_DOMAIN = 4;

    /** What AUTHENTICATE established: who, from which machine, and the key that signs the session. */
    record Authenticated(String user, String domain, String workstation, byte[] sessionKey) {
    }

    private Ntlm() {
    }

    /** The NTLM message type (1, 2 or 3) at {@code offset}, or 0 when the buffer is too short. */
    static int messageType(byte[] buffer, int offset) {
        return buffer.length - offset < 12 ? 0 : u32(buffer, offset + 8);
    }

    /** The NEGOTIATE message's flags. */
    static int negotiateFlags(byte[] buffer, int offset) {
        return buffer.length - offset < 16 ? 0 : u32(buffer, offset + 12);
    }

    /** A CHALLENGE message (MS-NLMP §2.2.1.2) for the client's NEGOTIATE flags. */
    static byte[] challenge(byte[] serverChallenge, int clientFlags, String computer) {
        int flags = (clientFlags & GRANTABLE) | ALWAYS;
        byte[] target = computer.getBytes(StandardCharsets.UTF_16LE);
        SmbWriter info = new SmbWriter(128);
        for (int type : new int[] {AV_NB_DOMAIN, AV_NB_COMPUTER, AV_DNS_DOMAIN, AV_DNS_COMPUTER}) {
            info.u16(type).u16(target.length).bytes(target);
        }
        info.u16(AV_EOL).u16(0);
        byte[] targetInfo = info.toArray();
        int headerSize = 56;
        SmbWriter out = new SmbWriter(headerSize + target.length + targetInfo.length);
        out.bytes(Spnego.NTLM_SIGNATURE).u32(2);
        out.u16(target.length).u16(target.length).u32(headerSize);
        out.u32(flags).bytes(serverChallenge).zeros(8);
        out.u16(targetInfo.length).u16(targetInfo.length).u32(headerSize + target.length);
        out.u8(10).u8(0).u16(20348).zeros(3).u8(15); // version 10.0.20348, NTLM revision 15
        out.bytes(target).bytes(targetInfo);
        return out.toArray();
    }

    /**
     * Checks an AUTHENTICATE message (MS-NLMP §3.3.2): the user must be the account name (any domain)
     * and the NTLMv2 proof must be made with the account key as password.
     *
     * @throws SmbException STATUS_LOGON_FAILURE for a wrong user or password, STATUS_INVALID_PARAMETER for a malformed message
     */
    static Authenticated verify(byte[] buffer, int offset, byte[] serverChallenge, String account, String key) {
        int length = buffer.length - offset;
        if (length < 64) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "AUTHENTICATE too short");
        }
        int flags = u32(buffer, offset + 60);
        Charset names = (flags & NEGOTIATE_UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1;
        byte[] ntResponse = field(buffer, offset, 20);
        String domain = new String(field(buffer, offset, 28), names);
        String user = new String(field(buffer, offset, 36), names);
        String workstation = new String(field(buffer, offset, 44), names);
        byte[] encryptedKey = field(buffer, offset, 52);
        if (ntResponse.length < 16 + 28 || !user.equalsIgnoreCase(account)) {
            throw new SmbException(NtStatus.LOGON_FAILURE, "not an NTLMv2 logon of the account");
        }
        byte[] ntowf = hmacMd5(md4(key.getBytes(StandardCharsets.UTF_16LE)),
                (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
        byte[] proof = new byte[16];
        System.arraycopy(ntResponse, 0, proof, 0, 16);
        byte[] challengeAndBlob = new byte[8 + ntResponse.length - 16];
        System.arraycopy(serverChallenge, 0, challengeAndBlob, 0, 8);
        System.arraycopy(ntResponse, 16, challengeAndBlob, 8, ntResponse.length - 16);
        if (!MessageDigest.isEqual(proof, hmacMd5(ntowf, challengeAndBlob))) {
            throw new SmbException(NtStatus.LOGON_FAILURE, "wrong password");
        }
        byte[] sessionKey = hmacMd5(ntowf, proof);
        if ((flags & NEGOTIATE_KEY_EXCH) != 0 && encryptedKey.length == 16) {
            sessionKey = rc4(sessionKey, encryptedKey);
        }
        return new Authenticated(user, domain, workstation, sessionKey);
    }

    /** A security buffer field (length, max length, offset) at {@code at}; bounds-checked. */
    private static byte[] field(byte[] buffer, int base, int at) {
        int length = u16(buffer, base + at);
        long start = u32(buffer, base + at + 4) & 0xFFFFFFFFL;
        if (start + length > buffer.length - base) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "NTLM field outside the message");
        }
        byte[] value = new byte[length];
        System.arraycopy(buffer, (int) (base + start), value, 0, length);
        return value;
    }

    static byte[] md4(byte[] data) {
        MD4Digest digest = new MD4Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[16];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is a standard JCA algorithm", e);
        }
    }

    private static byte[] rc4(byte[] key, byte[] data) {
        RC4Engine engine = new RC4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[data.length];
        engine.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
