package io.handlestck.kit.provision.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.mssmb2.SMB2Dialect;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import io.handlestck.kit.PreconditionNotMet;
import io.handlestck.kit.provision.ClientView.Probe;
import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kit's SMB client against a real SMB server, Samba's smbd on 127.0.0.1: logon, opens on files,
 * directories and the share root, with the access and sharing asked for, several
 * per file and across sessions, the client's probes, its own close, and each way an endpoint refuses
 * the kit. List Handles is not Samba's, so the ids are the provisioner's business, tested against the
 * reference server.
 */
class SmbClientAgainstSambaTest {

    private static SambaServer samba;

    @BeforeAll
    static void startSamba() throws Exception {
        samba = SambaServer.start();
        samba.file("dir/file.txt", "hello");
    }

    @AfterAll
    static void stopSamba() throws Exception {
        samba.close();
    }

    @Test
    void opensReadsAndClosesAsTheClientAskedAcrossSessions() {
        try (SmbSession first = SmbSession.open(settings(false, List.of()));
             SmbSession second = SmbSession.open(settings(false, List.of()))) {
            HeldOpen read = HeldOpen.open(first, SambaServer.SHARE, "dir/file.txt", null, List.of("Read"), sharing());
            HeldOpen again = HeldOpen.open(first, SambaServer.SHARE, "dir/file.txt", null, List.of("Read", "Write"), sharing());
            HeldOpen elsewhere = HeldOpen.open(second, SambaServer.SHARE, "dir/file.txt", null, List.of("Read"), sharing());
            HeldOpen directory = HeldOpen.open(first, SambaServer.SHARE, "dir", null, List.of("Read"), sharing());
            HeldOpen root = HeldOpen.open(first, SambaServer.SHARE, "", null, List.of("Read"), sharing());

            for (HeldOpen open : List.of(read, again, elsewhere, directory, root)) {
                assertThat(open.probe().succeeded()).as("probe of '%s'", open.path()).isTrue();
            }
            assertThat(read.probe().operation()).isEqualTo("SMB2_READ");
            assertThat(directory.probe().operation()).isEqualTo("SMB2_QUERY_INFO");
            assertThat(first.sessionId()).isNotEqualTo(second.sessionId());
            assertThat(first.clientIp()).startsWith("127.0.0.1:").isNotEqualTo(second.clientIp());
            assertThat(first.workstation()).isEqualTo("KIT-TEST");

            read.closeAsClient();
            assertThat(read.release()).as("a handle its client closed is not closed twice").isNull();
            Probe afterClose = read.probe();
            assertThat(afterClose.succeeded()).isFalse();
            assertThat(ClientStatuses.meansGone(afterClose.ntStatus()))
                    .as("I/O on a closed handle answers %s", afterClose.statusHex()).isTrue();
            assertThat(again.probe().succeeded()).as("the other handle on the file stays usable").isTrue();
            for (HeldOpen open : List.of(again, elsewhere, directory, root)) {
                assertThat(open.release()).isNull();
            }
        }
    }

    @Test
    void sharingModesAreTheOnesAskedFor() {
        try (SmbSession session = SmbSession.open(settings(false, List.of()))) {
            HeldOpen exclusive = HeldOpen.open(session, SambaServer.SHARE, "dir/file.txt", null, List.of("Read"),
                    EnumSet.noneOf(SMB2ShareAccess.class));
            assertThatThrownBy(() -> HeldOpen.open(session, SambaServer.SHARE, "dir/file.txt", null, List.of("Read"),
                    sharing())).isInstanceOf(SMBApiException.class).hasMessageContaining("STATUS_SHARING_VIOLATION");
            assertThat(exclusive.release()).isNull();
        }
    }

    @Test
    void aWrongPasswordIsOneLineAboutTheLogon() {
        SmbSettings wrong = new SmbSettings("127.0.0.1", samba.port(), SambaServer.user(), "AZURE", "not-it", false,
                List.of(), "KIT-TEST", true);
        assertThatThrownBy(() -> SmbSession.open(wrong)).isInstanceOf(PreconditionNotMet.class)
                .hasMessageContaining("refused the logon (STATUS_LOGON_FAILURE")
                .hasMessageNotContaining("not-it").message().doesNotContain("\n");
    }

    @Test
    void aClosedPortIsOneLineAboutTheConnection() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SmbSettings nowhere = new SmbSettings("127.0.0.1", closed, "u", "AZURE", "p", false, List.of(), "KIT-TEST", true);
        assertThatThrownBy(() -> SmbSession.open(nowhere)).isInstanceOf(PreconditionNotMet.class)
                .hasMessage("SMB endpoint AZURE\\u@127.0.0.1:" + closed + " refuses connections (port closed?)");
    }

    @Test
    void encryptionIsUsedWhenAsked() {
        try (SmbSession encrypted = SmbSession.open(settings(true, List.of()))) {
            HeldOpen open = HeldOpen.open(encrypted, SambaServer.SHARE, "dir/file.txt", null, List.of("Read"), sharing());
            assertThat(open.probe().succeeded()).isTrue();
            assertThat(open.release()).isNull();
        }
    }

    @Test
    void aServerThatCannotEncryptIsRefusedWhenEncryptionIsAsked() throws Exception {
        try (SambaServer smb2Only = SambaServer.start("  server max protocol = SMB2_10")) {
            SmbSettings encrypted = new SmbSettings("127.0.0.1", smb2Only.port(), SambaServer.user(), "AZURE",
                    SambaServer.PASSWORD, true, List.of(), "KIT-TEST", true);
            assertThatThrownBy(() -> SmbSession.open(encrypted)).isInstanceOf(PreconditionNotMet.class)
                    .hasMessageContaining("cannot encrypt (dialect SMB_2_1)");
            try (SmbSession plain = SmbSession.open(settings(false, List.of()))) {
                assertThat(plain.sessionId()).isNotEmpty();
            }
        }
    }

    private static SmbSettings settings(boolean encrypt, List<SMB2Dialect> dialects) {
        return new SmbSettings("127.0.0.1", samba.port(), SambaServer.user(), "AZURE", SambaServer.PASSWORD, encrypt,
                dialects, "KIT-TEST", true);
    }

    private static EnumSet<SMB2ShareAccess> sharing() {
        return EnumSet.of(SMB2ShareAccess.FILE_SHARE_READ, SMB2ShareAccess.FILE_SHARE_WRITE);
    }
}
