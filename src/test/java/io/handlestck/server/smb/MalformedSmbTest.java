package io.handlestck.server.smb;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.share.Directory;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tens of thousands of seeded malformed, truncated, oversized and out-of-order messages, on
 * authenticated connections (so that they reach every command) and on fresh ones. Afterwards the
 * server still serves smbj, and List Handles shows exactly the opens smbj still holds.
 */
class MalformedSmbTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.smbPort(0));

    private static final long SEED = 0x5EED_10L;
    private static final int MESSAGES = 20_000;
    private static final int PER_CONNECTION = 300;
    private static final int ALL_ACCESS = 0x001F01FF;

    private final WireClient rest = SERVER.client();

    @Test
    void malformedMessagesNeitherCrashNorLeakHandles() throws Exception {
        String share = EmbeddedServer.newShareName();
        rest.createTree(share, "held.txt", "d/", "d/x.txt", "fuzz/");
        try (SmbjClients smbj = new SmbjClients(SERVER.server())) {
            DiskShare held = smbj.share(share);
            File heldFile = held.openFile("held.txt", EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE), null,
                    SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null);
            Directory heldDirectory = held.openDirectory("d", EnumSet.of(AccessMask.GENERIC_READ), null,
                    SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null);
            List<String> heldIds = rest.listAllHandles(Scope.root(share).recursively(), null).stream()
                    .map(ListedHandle::handleId).sorted().toList();
            assertThat(heldIds).hasSize(2);

            Map<Integer, Integer> statuses = new HashMap<>();
            int reconnects = fuzz(share, new Random(SEED), statuses);

            assertThat(reconnects).as("some messages end their connection").isPositive();
            assertThat(statuses).as("statuses seen").containsKey(0xC000000D).containsKey(0xC0000128);
            List<String> remaining = awaitHandles(share, heldIds.size());
            assertThat(remaining).as("exactly smbj's opens remain").isEqualTo(heldIds);

            heldFile.write("still served".getBytes(StandardCharsets.UTF_8), 0);
            byte[] back = new byte[12];
            assertThat(heldFile.read(back, 0)).isEqualTo(12);
            assertThat(heldDirectory.list()).isNotEmpty();
            heldFile.close();
            heldDirectory.close();
        }
        assertThat(rest.listAllHandles(Scope.root(share).recursively(), null)).isEmpty();
    }

    /** Sends the messages; returns how many connections the server ended. */
    private int fuzz(String share, Random random, Map<Integer, Integer> statuses) throws IOException {
        int reconnects = 0;
        int sent = 0;
        while (sent < MESSAGES) {
            try (RawSmbClient smb = connected(share, random)) {
                List<byte[]> templates = templates(smb, random);
                for (int i = 0; i < PER_CONNECTION && sent < MESSAGES; i++, sent++) {
                    if (!sendOne(smb, random, templates, statuses)) {
                        reconnects++;
                        break;
                    }
                }
            }
        }
        return reconnects;
    }

    /** A connection: usually authenticated with a tree, sometimes fresh (then every message is out of order). */
    private static RawSmbClient connected(String share, Random random) throws IOException {
        RawSmbClient smb = new RawSmbClient(SERVER.server().smbPort(), 10_000);
        if (random.nextInt(10) != 0) {
            smb.connect(SERVER.server().account(), SERVER.server().key(), share);
        }
        return smb;
    }

    /** Valid requests of every command, some naming real opens, for the mutations to start from. */
    private static List<byte[]> templates(RawSmbClient smb, Random random) throws IOException {
        long[] file = {1, 1};
        long[] directory = {2, 2};
        if (smb.treeId != 0) {
            file = open(smb, "fuzz\\f" + random.nextInt(8) + ".txt", 0);
            directory = open(smb, "d", 1);
        }
        List<byte[]> templates = new ArrayList<>();
        templates.add(smb.message(SmbMessage.CREATE, RawSmbClient.create("fuzz\\n" + random.nextInt(50), ALL_ACCESS, 7,
                random.nextInt(6), random.nextInt(2) == 0 ? 0 : 0x1000, new byte[0]), 0));
        templates.add(smb.message(SmbMessage.CREATE, RawSmbClient.create("d\\x.txt", 0x80000000, 1, 1, 0,
                new SmbWriter(32).u32(0).u16(16).u16(4).u16(0).u16(24).u32(8).u8('T').u8('W').u8('r').u8('p').zeros(4)
                        .u64(random.nextLong()).toArray()), 0));
        templates.add(smb.message(SmbMessage.READ, RawSmbClient.read(file[0], file[1], 4096, 0), 0));
        templates.add(smb.message(SmbMessage.WRITE, new SmbWriter(64).u16(49).u16(SmbMessage.HEADER_SIZE + 48).u32(8)
                .u64(random.nextInt(1 << 16)).u64(file[0]).u64(file[1]).u32(0).u32(0).u16(0).u16(0).u32(0)
                .u64(random.nextLong()).toArray(), 0));
        templates.add(smb.message(SmbMessage.QUERY_INFO, new SmbWriter(48).u16(41).u8(1 + random.nextInt(2))
                .u8(random.nextInt(40)).u32(1024).u16(0).u16(0).u32(0).u32(0).u32(0).u64(file[0]).u64(file[1]).u8(0)
                .toArray(), 0));
        templates.add(smb.message(SmbMessage.QUERY_DIRECTORY, new SmbWriter(40).u16(33).u8(37).u8(random.nextInt(32))
                .u32(0).u64(directory[0]).u64(directory[1]).u16(SmbMessage.HEADER_SIZE + 32).u16(2).u32(4096)
                .u16('*').toArray(), 0));
        byte[] newName = ("fuzz\\r" + random.nextInt(20)).getBytes(StandardCharsets.UTF_16LE);
        templates.add(smb.message(SmbMessage.SET_INFO, new SmbWriter(64).u16(33).u8(1).u8(random.nextBoolean() ? 10 : 13)
                .u32(20 + newName.length).u16(SmbMessage.HEADER_SIZE + 32).u16(0).u32(0).u64(file[0]).u64(file[1])
                .u8(1).zeros(7).u64(0).u32(newName.length).bytes(newName).toArray(), 0));
        templates.add(smb.message(SmbMessage.IOCTL, new SmbWriter(64).u16(57).u16(0).u32(0x00140204).u64(-1).u64(-1)
                .u32(SmbMessage.HEADER_SIZE + 56).u32(28).u32(0).u32(0).u32(0).u32(24).u32(1).u32(0)
                .u32(0).zeros(16).u16(1).u16(2).u16(0x0202).u16(0x0210).toArray(), 0));
        templates.add(smb.message(SmbMessage.CLOSE, RawSmbClient.close(file[0], file[1]), 0));
        templates.add(smb.message(SmbMessage.TREE_CONNECT, new SmbWriter(16).u16(9).u16(0).u16(SmbMessage.HEADER_SIZE + 8)
                .u16(8).bytes("\\\\x\\".getBytes(StandardCharsets.UTF_16LE)).toArray(), 0));
        templates.add(smb.message(SmbMessage.SESSION_SETUP, new SmbWriter(40).u16(25).u8(0).u8(1).u32(0).u32(0)
                .u16(SmbMessage.HEADER_SIZE + 24).u16(16).u64(0).bytes(Spnego.NTLM_SIGNATURE).u32(1 + random.nextInt(3))
                .u32(random.nextInt()).toArray(), 0));
        templates.add(smb.message(SmbMessage.NEGOTIATE, new SmbWriter(40).u16(36).u16(1).u16(1).u16(0).u32(0).zeros(16)
                .u64(0).u16(0x0210).toArray(), 0));
        templates.add(smb.message(random.nextBoolean() ? SmbMessage.TREE_DISCONNECT : SmbMessage.LOGOFF,
                new SmbWriter(4).u16(4).u16(0).toArray(), 0));
        return templates;
    }

    private static long[] open(RawSmbClient smb, String name, int options) throws IOException {
        ByteBuffer created = smb.call(SmbMessage.CREATE, RawSmbClient.create(name, ALL_ACCESS, 7, 3, options, new byte[0]));
        if (RawSmbClient.status(created) != 0) {
            return new long[] {1, 1};
        }
        return new long[] {created.getLong(64 + 64), created.getLong(64 + 72)};
    }

    /** One mutated message (or chain), then an ECHO whose answer marks that everything before it was answered. False: the server closed the connection. */
    private static boolean sendOne(RawSmbClient smb, Random random, List<byte[]> templates, Map<Integer, Integer> statuses) {
        try {
            int kind = random.nextInt(100);
            if (kind < 2) {
                // an oversized frame length, or a first byte that is not direct-TCP framing: the server must close
                int length = SmbConnection.MAX_FRAME + 1 + random.nextInt(0xFFFFFF - SmbConnection.MAX_FRAME);
                int first = random.nextBoolean() ? 0 : 1 + random.nextInt(255);
                smb.sendRaw(new byte[] {(byte) first, (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                return drain(smb, statuses);
            }
            if (kind < 10) {
                List<byte[]> chain = new ArrayList<>();
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    chain.add(mutate(templates.get(random.nextInt(templates.size())), random));
                }
                smb.send(chain.toArray(byte[][]::new));
            } else if (kind < 14) {
                byte[] garbage = new byte[4 + random.nextInt(200)];
                random.nextBytes(garbage);
                smb.sendFrame(garbage);
            } else {
                byte[] message = mutate(templates.get(random.nextInt(templates.size())), random);
                byte[] framed = new byte[message.length + 4];
                System.arraycopy(message, 0, framed, 4, message.length);
                smb.sendFrame(framed);
            }
            return barrier(smb, statuses);
        } catch (IOException ended) {
            return false;
        }
    }

    private static byte[] mutate(byte[] template, Random random) {
        byte[] message = template.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip bytes, header or body
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    message[random.nextInt(message.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> message = java.util.Arrays.copyOf(message, random.nextInt(message.length)); // truncated
            case 2 -> { // a length or offset field made huge
                int at = SmbMessage.HEADER_SIZE + random.nextInt(Math.max(1, message.length - SmbMessage.HEADER_SIZE - 4));
                if (at + 4 <= message.length) {
                    ByteBuffer.wrap(message).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at, random.nextBoolean() ? -1 : 0x7FFF_FFF0);
                }
            }
            case 3 -> { // oversized: trailing garbage
                byte[] longer = java.util.Arrays.copyOf(message, message.length + random.nextInt(4096));
                for (int i = message.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                message = longer;
            }
            default -> { // a wrong command or flags on a valid body
                if (message.length >= SmbMessage.HEADER_SIZE) {
                    message[12] = (byte) random.nextInt(0x14);
                    message[16] = (byte) random.nextInt(16);
                }
            }
        }
        return message;
    }

    private static boolean barrier(RawSmbClient smb, Map<Integer, Integer> statuses) throws IOException {
        long echoId = smb.nextMessageId();
        smb.send(smb.message(SmbMessage.ECHO, new SmbWriter(4).u16(4).u16(0).toArray(), 0));
        while (true) {
            ByteBuffer response = smb.receive();
            int status = RawSmbClient.status(response);
            statuses.merge(status, 1, Integer::sum);
            if ((response.getShort(12) & 0xFFFF) == SmbMessage.ECHO && response.getLong(24) == echoId) {
                return true;
            }
        }
    }

    /** After bytes the server must refuse by closing: true only if it answered instead (it should not). */
    private static boolean drain(RawSmbClient smb, Map<Integer, Integer> statuses) {
        try {
            return barrier(smb, statuses);
        } catch (IOException closed) {
            return false;
        }
    }

    private List<String> awaitHandles(String share, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<String> ids;
        do {
            ids = rest.listAllHandles(Scope.root(share).recursively(), null).stream().map(ListedHandle::handleId).sorted().toList();
            if (ids.size() == expected) {
                return ids;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return ids;
    }
}
