package io.handlestck.server.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What smbj does not send: compound chains, the TWrp create context, CANCEL, unknown and unserved commands. */
class RawProtocolTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.smbPort(0));

    private static final int READ_ACCESS = 0x00120089;
    private static final long RELATED_ID = -1L;

    private final WireClient rest = SERVER.client();

    private RawSmbClient client(String share) throws Exception {
        return new RawSmbClient(SERVER.server().smbPort(), 10_000).connect(SERVER.server().account(), SERVER.server().key(), share);
    }

    @Test
    void aRelatedCompoundOfCreateReadCloseUsesTheCreatedFileId() throws Exception {
        String share = EmbeddedServer.newShareName();
        rest.createTree(share, "f.txt");
        try (RawSmbClient smb = client(share)) {
            smb.send(smb.message(SmbMessage.CREATE, RawSmbClient.create("f.txt", READ_ACCESS, 7, 1, 0, new byte[0]), 0),
                    smb.message(SmbMessage.READ, RawSmbClient.read(RELATED_ID, RELATED_ID, 16, 0), SmbMessage.FLAG_RELATED),
                    smb.message(SmbMessage.CLOSE, RawSmbClient.close(RELATED_ID, RELATED_ID), SmbMessage.FLAG_RELATED));
            ByteBuffer chain = smb.receive();
            int create = 0;
            int read = chain.getInt(create + 20);
            int close = read + chain.getInt(read + 20);
            assertThat(RawSmbClient.status(chain)).isZero();
            assertThat(chain.getInt(read + 8)).as("READ of an empty file").isEqualTo(0xC0000011);
            assertThat(chain.getInt(close + 8)).as("CLOSE").isZero();
            assertThat(chain.getInt(close + 20)).isZero();
        }
        assertThat(rest.listAllHandles(Scope.of(share, "f.txt"), null)).isEmpty();
    }

    @Test
    void aTimewarpCreateContextOpensASnapshotHandle() throws Exception {
        String share = EmbeddedServer.newShareName();
        rest.createTree(share, "f.txt");
        String snapshot = rest.createSnapshot(share);
        Instant at = Instant.parse(snapshot);
        long filetime = (at.getEpochSecond() + 11_644_473_600L) * 10_000_000L + at.getNano() / 100;
        byte[] timewarp = new SmbWriter(32).u32(0).u16(16).u16(4).u16(0).u16(24).u32(8)
                .u8('T').u8('W').u8('r').u8('p').zeros(4).u64(filetime).toArray();
        try (RawSmbClient smb = client(share)) {
            ByteBuffer created = smb.call(SmbMessage.CREATE, RawSmbClient.create("f.txt", READ_ACCESS, 7, 1, 0, timewarp));
            RawSmbClient.expectStatus(created, 0);
            List<ListedHandle> onSnapshot = rest.listAllHandles(Scope.of(share, "f.txt").onSnapshot(snapshot), null);
            assertThat(onSnapshot).hasSize(1);
            assertThat(onSnapshot.get(0).clientName()).isEqualTo("RAWCLIENT");
            assertThat(rest.listAllHandles(Scope.of(share, "f.txt"), null)).isEmpty();
        }
    }

    @Test
    void cancelIsNotAnsweredEchoIsAndUnservedCommandsGetAStatus() throws Exception {
        String share = EmbeddedServer.newShareName();
        rest.createShare(share);
        try (RawSmbClient smb = client(share)) {
            smb.send(smb.message(SmbMessage.CANCEL, new SmbWriter(4).u16(4).u16(0).toArray(), 0));
            long echoId = smb.nextMessageId();
            ByteBuffer echo = smb.call(SmbMessage.ECHO, new SmbWriter(4).u16(4).u16(0).toArray());
            assertThat(echo.getLong(24)).as("the answer after CANCEL is ECHO's").isEqualTo(echoId);
            RawSmbClient.expectStatus(echo, 0);
            RawSmbClient.expectStatus(smb.call(SmbMessage.LOCK, new SmbWriter(48).u16(48).zeros(46).toArray()), 0xC00000BB);
            RawSmbClient.expectStatus(smb.call(0x55, new SmbWriter(4).u16(4).u16(0).toArray()), 0xC000000D);
            RawSmbClient.expectStatus(smb.call(SmbMessage.READ, RawSmbClient.read(1, 99, 1, 0)), 0xC0000128);
        }
    }

    @Test
    void aRequestBeforeNegotiateOrAnOversizedFrameEndsTheConnection() throws Exception {
        try (RawSmbClient smb = new RawSmbClient(SERVER.server().smbPort(), 10_000)) {
            smb.send(smb.message(SmbMessage.ECHO, new SmbWriter(4).u16(4).u16(0).toArray(), 0));
            assertThatThrownBy(smb::receive).isInstanceOf(EOFException.class);
        }
        try (RawSmbClient smb = new RawSmbClient(SERVER.server().smbPort(), 10_000)) {
            smb.sendRaw(new byte[] {0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            assertThatThrownBy(smb::receive).isInstanceOfAny(EOFException.class, SocketTimeoutException.class,
                    java.net.SocketException.class);
        }
    }
}
