package io.handlestck.kit.provision.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.kit.PreconditionNotMet;
import org.junit.jupiter.api.Test;

class SnapshotPathsTest {

    @Test
    void livePathsUseBackslashesAndSnapshotsLeadWithTheirGmtToken() {
        assertThat(SnapshotPaths.smbPath("dir/sub/f.txt", null)).isEqualTo("dir\\sub\\f.txt");
        assertThat(SnapshotPaths.smbPath("", null)).isEmpty();
        assertThat(SnapshotPaths.smbPath("dir/f.txt", "2026-12-01T23:05:09.0000000Z"))
                .isEqualTo("@GMT-2026.12.01-23.05.09\\dir\\f.txt");
        assertThat(SnapshotPaths.smbPath("", "2026-01-02T03:04:05.0000000Z")).isEqualTo("@GMT-2026.01.02-03.04.05");
    }

    @Test
    void aSnapshotTheTokenCannotNameIsAPreconditionNotAVerdict() {
        assertThatThrownBy(() -> SnapshotPaths.gmtToken("2026-12-01T23:05:09.1234567Z"))
                .isInstanceOf(PreconditionNotMet.class).hasMessageContaining("fraction of a second");
        assertThatThrownBy(() -> SnapshotPaths.gmtToken("yesterday")).isInstanceOf(PreconditionNotMet.class);
    }
}
