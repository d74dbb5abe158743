package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reason Force Close Handles exists, at the wire: open handles block deletes and renames with
 * 409 SharingViolation, and the same operation succeeds once the handles are force-closed. Also the
 * share-level rule that snapshots block a share delete unless {@code x-ms-delete-snapshots} includes them.
 */
class BlockingHandlesTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.withDefaults();

    private final WireClient client = SERVER.client();

    @Test
    void anOpenHandleBlocksDeletingItsFileUntilForceClosed() {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "d/", "d/f.txt");
        OpenedHandle handle = client.openHandles(share, "d/f.txt", 1).get(0);

        assertSharingViolation(client.request("DELETE", share, "d/f.txt").send());
        WireClient.expect(client.request("HEAD", share, "d/f.txt").send(), 200);

        assertThat(client.forceClose(Scope.of(share, "d/f.txt"), handle.handleId(), null).closed()).isEqualTo(1);
        WireClient.expect(client.request("DELETE", share, "d/f.txt").send(), 202);
        assertThat(client.request("HEAD", share, "d/f.txt").send().status()).isEqualTo(404);
        assertThat(client.handleState(share, handle.handleId())).isEqualTo("force-closed");
    }

    @Test
    void anOpenHandleBlocksDeletingItsDirectoryUntilForceClosed() {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "d/", "d/e/");
        client.openHandles(share, "d/e", 2);

        assertSharingViolation(client.request("DELETE", share, "d/e").query("restype", "directory").send());

        assertThat(client.forceCloseAll(Scope.of(share, "d/e"), "*").closed()).isEqualTo(2);
        WireClient.expect(client.request("DELETE", share, "d/e").query("restype", "directory").send(), 202);
        assertThat(client.request("GET", share, "d/e").query("restype", "directory").send().status()).isEqualTo(404);
    }

    @Test
    void aClientClosingItsOwnHandleAlsoUnblocksTheDelete() {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "f.txt");
        OpenedHandle handle = client.openHandles(share, "f.txt", 1).get(0);
        assertSharingViolation(client.request("DELETE", share, "f.txt").send());

        client.closeAsClient(share, handle.handleId());
        assertThat(client.handleState(share, handle.handleId())).isEqualTo("closed");
        WireClient.expect(client.request("DELETE", share, "f.txt").send(), 202);
    }

    @Test
    void anOpenHandleBlocksRenamingItsFileUntilForceClosed() {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "d/", "d/old.txt");
        client.openHandles(share, "d/old.txt", 3);

        assertSharingViolation(renameFile(share, "d/old.txt", "d/new.txt"));
        WireClient.expect(client.request("HEAD", share, "d/old.txt").send(), 200);

        assertThat(client.forceCloseAll(Scope.of(share, "d/old.txt"), "*").closed()).isEqualTo(3);
        WireClient.expect(renameFile(share, "d/old.txt", "d/new.txt"), 200);
        WireClient.expect(client.request("HEAD", share, "d/new.txt").send(), 200);
        assertThat(client.request("HEAD", share, "d/old.txt").send().status()).isEqualTo(404);
    }

    @Test
    void aHandleUnderADirectoryBlocksRenamingTheDirectoryUntilForceClosedRecursively() {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "src/", "src/deep/", "src/deep/f.txt");
        List<OpenedHandle> handles = client.openHandles(share, "src/deep/f.txt", 2);

        WireResponse blocked = client.request("PUT", share, "dst").query("restype", "directory").query("comp", "rename")
                .header("x-ms-file-rename-source", client.url(share, "src")).send();
        assertSharingViolation(blocked);

        assertThat(client.forceCloseAll(Scope.of(share, "src"), "*").closed())
                .as("a non-recursive close of the directory leaves its descendants' handles").isZero();
        assertThat(client.forceCloseAll(Scope.of(share, "src").recursively(), "*").closed()).isEqualTo(handles.size());
        WireClient.expect(client.request("PUT", share, "dst").query("restype", "directory").query("comp", "rename")
                .header("x-ms-file-rename-source", client.url(share, "src")).send(), 200);
        WireClient.expect(client.request("HEAD", share, "dst/deep/f.txt").send(), 200);
    }

    @Test
    void aShareWithSnapshotsIsDeletedOnlyWithXmsDeleteSnapshotsInclude() {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "f.txt");
        String snapshot = client.createSnapshot(share);
        assertThat(snapshot).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z");

        WireResponse refused = client.request("DELETE", share, "").query("restype", "share").send();
        assertThat(refused.status()).as("%s\n%s", refused, refused.text()).isEqualTo(409);
        assertThat(refused.errorCode()).isNotBlank();
        refused.errorElement();
        WireClient.expect(client.request("HEAD", share, "f.txt").send(), 200);

        WireClient.expect(client.request("DELETE", share, "").query("restype", "share")
                .header("x-ms-delete-snapshots", "include").send(), 202);
        WireResponse gone = client.listHandlesRequest(Scope.root(share)).send();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("ShareNotFound");
    }

    @Test
    void snapshotsOfOneShareHaveDistinctValues() {
        String share = EmbeddedServer.newShareName();
        client.createShare(share);
        assertThat(List.of(client.createSnapshot(share), client.createSnapshot(share), client.createSnapshot(share)))
                .doesNotHaveDuplicates();
    }

    private WireResponse renameFile(String share, String source, String destination) {
        return client.request("PUT", share, destination).query("comp", "rename")
                .header("x-ms-file-rename-source", client.url(share, source)).send();
    }

    private static void assertSharingViolation(WireResponse response) {
        assertThat(response.status()).as("%s\n%s", response, response.text()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("SharingViolation");
        assertThat(response.errorElement().getElementsByTagName("Code").item(0).getTextContent()).isEqualTo("SharingViolation");
    }
}
