package io.handlestck.server.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One namespace, two protocols: sharing between SMB opens and REST, delete-on-close, rename, snapshots, session ends. */
class SmbNamespaceTest extends SmbjTestBase {

    private static final Set<AccessMask> READ = EnumSet.of(AccessMask.GENERIC_READ);
    private static final Set<AccessMask> READ_WRITE = EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE);


    @Test
    void anSmbOpenBlocksARestDeleteUntilForceClosed() throws Exception {
        String name = EmbeddedServer.newShareName();
        rest.createTree(name, "f.txt");
        DiskShare share = smbj.share(name);
        File file = share.openFile("f.txt", READ, null, SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null);
        WireResponse refused = rest.request("DELETE", name, "f.txt").send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("SharingViolation");
        assertThat(rest.forceCloseAll(Scope.of(name, "f.txt"), "*").closed()).isEqualTo(1);
        WireClient.expect(rest.request("DELETE", name, "f.txt").send(), 202);
        file.close();
    }

    @Test
    void shareModesDecideSharingViolationsBetweenOpens() throws Exception {
        String name = EmbeddedServer.newShareName();
        rest.createTree(name, "f.txt");
        DiskShare share = smbj.share(name);
        try (File reader = share.openFile("f.txt", READ, null, EnumSet.of(SMB2ShareAccess.FILE_SHARE_READ),
                SMB2CreateDisposition.FILE_OPEN, null)) {
            assertThatThrownBy(() -> share.openFile("f.txt", READ_WRITE, null, SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_OPEN, null)).isInstanceOfSatisfying(SMBApiException.class,
                    e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_SHARING_VIOLATION));
            assertThatThrownBy(() -> share.openFile("f.txt", READ, null, EnumSet.of(SMB2ShareAccess.FILE_SHARE_WRITE),
                    SMB2CreateDisposition.FILE_OPEN, null)).isInstanceOfSatisfying(SMBApiException.class,
                    e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_SHARING_VIOLATION));
            try (File secondReader = share.openFile("f.txt", READ, null, SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_OPEN, null)) {
                assertThat(rest.listAllHandles(Scope.of(name, "f.txt"), null)).hasSize(2);
                assertThat(secondReader.getFileInformation().getStandardInformation().getEndOfFile()).isZero();
            }
        }
        assertThat(rest.listAllHandles(Scope.of(name, "f.txt"), null)).isEmpty();
    }

    @Test
    void deleteOnCloseDeletesOnTheClientsCloseButNotOnAForceClose() throws Exception {
        String name = EmbeddedServer.newShareName();
        rest.createTree(name, "gone.txt", "kept.txt");
        DiskShare share = smbj.share(name);
        Set<AccessMask> deleting = EnumSet.of(AccessMask.GENERIC_READ, AccessMask.DELETE);
        Set<SMB2CreateOptions> onClose = EnumSet.of(SMB2CreateOptions.FILE_DELETE_ON_CLOSE);
        share.openFile("gone.txt", deleting, null, SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, onClose).close();
        assertThat(rest.request("HEAD", name, "gone.txt").send().status()).isEqualTo(404);

        File kept = share.openFile("kept.txt", deleting, null, SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, onClose);
        ListedHandle listed = rest.listAllHandles(Scope.of(name, "kept.txt"), null).get(0);
        assertThat(listed.accessRights()).containsExactly("Read", "Delete");
        assertThat(rest.forceClose(Scope.of(name, "kept.txt"), listed.handleId(), null).closed()).isEqualTo(1);
        kept.close();
        WireClient.expect(rest.request("HEAD", name, "kept.txt").send(), 200);
    }

    @Test
    void whatSmbCreatesRestSeesAndRenamesKeepTheOpenListed() throws Exception {
        String name = EmbeddedServer.newShareName();
        rest.createShare(name);
        DiskShare share = smbj.share(name);
        share.mkdir("made");
        WireClient.expect(rest.request("GET", name, "made").query("restype", "directory").send(), 200);
        try (File file = share.openFile("made\\a.txt", EnumSet.of(AccessMask.GENERIC_ALL), null, SMB2ShareAccess.ALL,
                SMB2CreateDisposition.FILE_CREATE, null)) {
            file.write("abc".getBytes(StandardCharsets.UTF_8), 0);
            WireResponse restRename = rest.request("PUT", name, "made/c.txt").query("comp", "rename")
                    .header("x-ms-file-rename-source", rest.url(name, "made/a.txt")).send();
            assertThat(restRename.status()).isEqualTo(409);
            assertThat(restRename.text()).contains("SharingViolation");
            file.rename("made\\b.txt");
            assertThat(rest.listAllHandles(Scope.of(name, "made/b.txt"), null)).hasSize(1);
            assertThat(rest.request("HEAD", name, "made/a.txt").send().status()).isEqualTo(404);
            byte[] back = new byte[3];
            assertThat(file.read(back, 0)).isEqualTo(3);
            assertThat(new String(back, StandardCharsets.UTF_8)).isEqualTo("abc");
        }
        share.rm("made\\b.txt");
        share.rmdir("made", false);
        assertThat(rest.request("GET", name, "made").query("restype", "directory").send().status()).isEqualTo(404);
    }

    @Test
    void snapshotHandlesAreListedAndClosedOnlyWithSharesnapshot() throws Exception {
        String name = EmbeddedServer.newShareName();
        rest.createTree(name, "f.txt");
        String snapshot = rest.createSnapshot(name);
        String token = DateTimeFormatter.ofPattern("'@GMT-'yyyy.MM.dd-HH.mm.ss").withZone(ZoneOffset.UTC)
                .format(Instant.parse(snapshot));
        DiskShare share = smbj.share(name);
        try (File old = share.openFile(token + "\\f.txt", READ, null, SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null)) {
            assertThatThrownBy(() -> share.openFile(token + "\\f.txt", READ_WRITE, null, SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_OPEN, null)).isInstanceOf(SMBApiException.class);
            assertThat(rest.listAllHandles(Scope.of(name, "f.txt"), null)).isEmpty();
            assertThat(rest.forceCloseAll(Scope.of(name, "f.txt"), "*").closed()).isZero();
            assertThat(rest.listAllHandles(Scope.of(name, "f.txt").onSnapshot(snapshot), null)).hasSize(1);
            assertThat(rest.forceCloseAll(Scope.of(name, "f.txt").onSnapshot(snapshot), "*").closed()).isEqualTo(1);
            assertThatThrownBy(() -> old.read(new byte[1], 0)).isInstanceOfSatisfying(SMBApiException.class,
                    e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_FILE_CLOSED));
        }
    }

    @Test
    void logoffAndADroppedConnectionRemoveTheirHandles() throws Exception {
        String name = EmbeddedServer.newShareName();
        rest.createTree(name, "a.txt", "b.txt");
        Session loggingOff = smbj.session(smbj.connect());
        ((DiskShare) loggingOff.connectShare(name)).openFile("a.txt", READ, null, SMB2ShareAccess.ALL,
                SMB2CreateDisposition.FILE_OPEN, null);
        Connection dropped = smbj.connect();
        ((DiskShare) smbj.session(dropped).connectShare(name)).openFile("b.txt", READ, null, SMB2ShareAccess.ALL,
                SMB2CreateDisposition.FILE_OPEN, null);
        assertThat(rest.listAllHandles(Scope.root(name).recursively(), null)).hasSize(2);
        loggingOff.logoff();
        assertThat(rest.listAllHandles(Scope.of(name, "a.txt"), null)).isEmpty();
        dropped.close(true);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!rest.listAllHandles(Scope.of(name, "b.txt"), null).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rest.listAllHandles(Scope.root(name).recursively(), null)).isEmpty();
    }
}
