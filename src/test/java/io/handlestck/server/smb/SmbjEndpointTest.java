package io.handlestck.server.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.msfscc.fileinformation.FileAllInformation;
import com.hierynomus.msfscc.fileinformation.FileIdBothDirectoryInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.Directory;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** smbj 0.14.0 against the SMB endpoint: authentication, the namespace shared with REST, and handles. */
class SmbjEndpointTest extends SmbjTestBase {


    @Test
    void aWrongPasswordIsALogonFailure() throws Exception {
        Connection connection = smbj.connect();
        assertThatThrownBy(() -> connection.authenticate(new AuthenticationContext(SERVER.server().account(),
                "not-the-key".toCharArray(), "AZURE")))
                .hasMessageContaining("LOGON_FAILURE");
    }

    @Test
    void anUnknownShareIsABadNetworkName() throws Exception {
        Session session = smbj.session(smbj.connect());
        assertThatThrownBy(() -> session.connectShare("nosuchshare"))
                .isInstanceOfSatisfying(SMBApiException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_BAD_NETWORK_NAME));
    }

    @Test
    void filesWrittenOverSmbHaveTheSizeRestReportsAndReadBack() throws Exception {
        String shareName = EmbeddedServer.newShareName();
        rest.createTree(shareName, "d/");
        DiskShare share = smbj.share(shareName);
        byte[] content = "hello over smb, hello rest".getBytes(StandardCharsets.UTF_8);
        try (File file = share.openFile("d\\f.txt", EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE), null,
                SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_CREATE, null)) {
            file.write(content, 0);
            byte[] back = new byte[64];
            int read = file.read(back, 0);
            assertThat(new String(back, 0, read, StandardCharsets.UTF_8)).isEqualTo("hello over smb, hello rest");
            FileAllInformation info = file.getFileInformation();
            assertThat(info.getStandardInformation().getEndOfFile()).isEqualTo(content.length);
        }
        assertThat(WireClient.expect(rest.request("HEAD", shareName, "d/f.txt").send(), 200).header("Content-Length"))
                .contains(Integer.toString(content.length));
        assertThat(share.list("d")).extracting(FileIdBothDirectoryInformation::getFileName)
                .containsExactly(".", "..", "f.txt");
    }

    @Test
    void everyOpenIsAListedHandleWithTheClientsFields() throws Exception {
        String shareName = EmbeddedServer.newShareName();
        rest.createTree(shareName, "d/", "d/f.txt");
        Session session = smbj.session(smbj.connect());
        String clientAddress = smbj.lastClientAddress();
        DiskShare share = (DiskShare) session.connectShare(shareName);
        try (File file = share.openFile("d\\f.txt", EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE), null,
                SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null);
             Directory directory = share.openDirectory("d", EnumSet.of(AccessMask.FILE_LIST_DIRECTORY), null,
                     SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null);
             Directory root = share.openDirectory("", EnumSet.of(AccessMask.GENERIC_READ), null,
                     SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null)) {
            List<ListedHandle> listed = rest.listAllHandles(Scope.root(shareName).recursively(), null);
            assertThat(listed).extracting(ListedHandle::path).containsExactlyInAnyOrder("", "d", "d/f.txt");
            for (ListedHandle handle : listed) {
                assertThat(handle.sessionId()).isEqualTo(Long.toUnsignedString(session.getSessionId()));
                assertThat(handle.clientIp()).isEqualTo(clientAddress);
                assertThat(handle.clientName()).isEqualTo(SmbjClients.WORKSTATION);
            }
            ListedHandle onFile = listed.stream().filter(h -> h.path().equals("d/f.txt")).findFirst().orElseThrow();
            assertThat(onFile.accessRights()).containsExactly("Read", "Write");
            assertThat(file.getFileId()).isNotNull();
            assertThat(directory.list()).isNotEmpty();
            assertThat(root.list()).extracting(FileIdBothDirectoryInformation::getFileName).contains("d");
        }
        assertThat(rest.listAllHandles(Scope.root(shareName).recursively(), null)).isEmpty();
    }

    @Test
    void forceCloseMakesTheNextReadAndWriteFailWithFileClosedAndCloseStaysQuiet() throws Exception {
        String shareName = EmbeddedServer.newShareName();
        rest.createTree(shareName, "f.txt");
        DiskShare share = smbj.share(shareName);
        File file = share.openFile("f.txt", EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE), null,
                SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, EnumSet.of(SMB2CreateOptions.FILE_NON_DIRECTORY_FILE));
        file.write(new byte[] {1, 2, 3}, 0);
        assertThat(rest.forceCloseAll(Scope.of(shareName, "f.txt"), "*").closed()).isEqualTo(1);
        assertThatThrownBy(() -> file.read(new byte[3], 0)).isInstanceOfSatisfying(SMBApiException.class,
                e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_FILE_CLOSED));
        assertThatThrownBy(() -> file.write(new byte[] {4}, 0)).isInstanceOfSatisfying(SMBApiException.class,
                e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_FILE_CLOSED));
        file.close();
        assertThat(rest.listAllHandles(Scope.of(shareName, "f.txt"), null)).isEmpty();
        WireClient.expect(rest.request("DELETE", shareName, "f.txt").send(), 202);
    }
}
