package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which handles an operation reaches, seen by the independent client: a file's own, a directory's own
 * without recursion, a whole subtree with {@code x-ms-recursive: true}, one handle by id, and the live share
 * and each snapshot strictly apart.
 */
class HandleScopeTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.withDefaults();

    private final WireClient client = SERVER.client();
    private String share;
    private String snapshot;
    private List<OpenedHandle> onRoot;
    private List<OpenedHandle> onDirectory;
    private List<OpenedHandle> onSubdirectory;
    private List<OpenedHandle> onFile;
    private List<OpenedHandle> onOtherFile;
    private List<OpenedHandle> onSnapshotFile;

    @BeforeEach
    void openHandlesEverywhere() {
        share = EmbeddedServer.newShareName();
        client.createTree(share, "d/", "d/s/", "d/s/f.txt", "other.txt");
        snapshot = client.createSnapshot(share);
        onRoot = client.openHandles(share, "", 1);
        onDirectory = client.openHandles(share, "d", 2);
        onSubdirectory = client.openHandles(share, "d/s", 1);
        onFile = client.openHandles(share, "d/s/f.txt", 3);
        onOtherFile = client.openHandles(share, "other.txt", 1);
        onSnapshotFile = client.openHandles(share, "d/s/f.txt", snapshot, 2);
    }

    @Test
    void listingReachesExactlyTheScope() {
        assertThat(listed(Scope.of(share, "d/s/f.txt"))).containsExactlyInAnyOrderElementsOf(ids(onFile));
        assertThat(listed(Scope.of(share, "d"))).containsExactlyInAnyOrderElementsOf(ids(onDirectory));
        assertThat(listed(Scope.of(share, "d").recursively())).containsExactlyInAnyOrderElementsOf(ids(onDirectory, onSubdirectory, onFile));
        assertThat(listed(Scope.root(share))).containsExactlyInAnyOrderElementsOf(ids(onRoot));
        assertThat(listed(Scope.root(share).recursively()))
                .containsExactlyInAnyOrderElementsOf(ids(onRoot, onDirectory, onSubdirectory, onFile, onOtherFile));
        assertThat(listed(Scope.root(share).recursively().onSnapshot(snapshot))).containsExactlyInAnyOrderElementsOf(ids(onSnapshotFile));
        assertThat(listed(Scope.of(share, "d/s/f.txt").onSnapshot(snapshot))).containsExactlyInAnyOrderElementsOf(ids(onSnapshotFile));
    }

    @Test
    void aSingleIdClosesExactlyThatHandle() {
        String target = onFile.get(1).handleId();
        assertThat(client.forceClose(Scope.root(share).recursively(), target, null).closed()).isEqualTo(1);
        assertThat(client.handleState(share, target)).isEqualTo("force-closed");
        assertThat(listed(Scope.root(share).recursively())).hasSize(7).doesNotContain(target);
        assertThat(client.forceClose(Scope.of(share, "d/s/f.txt"), target, null).closed()).as("already closed").isZero();
    }

    @Test
    void anIdOutsideTheScopeIsNotClosed() {
        String elsewhere = onOtherFile.get(0).handleId();
        assertThat(client.forceClose(Scope.of(share, "d").recursively(), elsewhere, null).closed()).isZero();
        assertThat(client.forceClose(Scope.root(share).recursively().onSnapshot(snapshot), elsewhere, null).closed()).isZero();
        assertThat(client.handleState(share, elsewhere)).isEqualTo("open");
    }

    @Test
    void aWildcardCloseWithoutRecursionLeavesTheDescendants() {
        assertThat(client.forceCloseAll(Scope.of(share, "d"), "*").closed()).isEqualTo(onDirectory.size());
        assertThat(listed(Scope.root(share).recursively()))
                .containsExactlyInAnyOrderElementsOf(ids(onRoot, onSubdirectory, onFile, onOtherFile));
    }

    @Test
    void aRecursiveWildcardCloseOfTheLiveShareLeavesTheSnapshot() {
        assertThat(client.forceCloseAll(Scope.root(share).recursively(), "*").closed()).isEqualTo(8);
        assertThat(listed(Scope.root(share).recursively())).isEmpty();
        assertThat(listed(Scope.root(share).recursively().onSnapshot(snapshot))).containsExactlyInAnyOrderElementsOf(ids(onSnapshotFile));
        onSnapshotFile.forEach(handle -> assertThat(client.handleState(share, handle.handleId())).isEqualTo("open"));
    }

    @Test
    void aRecursiveWildcardCloseOfTheSnapshotLeavesTheLiveShare() {
        assertThat(client.forceCloseAll(Scope.root(share).recursively().onSnapshot(snapshot), "*").closed()).isEqualTo(2);
        assertThat(listed(Scope.root(share).recursively().onSnapshot(snapshot))).isEmpty();
        assertThat(listed(Scope.root(share).recursively())).hasSize(8);
    }

    @Test
    void recursionOnAFileIsRefusedAndClosesNothing() {
        WireResponse response = client.forceCloseRequest(Scope.of(share, "d/s/f.txt").recursively(), "*").send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isNotBlank();
        assertThat(listed(Scope.of(share, "d/s/f.txt"))).hasSize(3);
    }

    @Test
    void aWellFormedUnknownIdClosesNothingAndSucceeds() {
        WireResponse response = WireClient.expect(client.forceCloseRequest(Scope.root(share).recursively(), "1").send(), 200);
        assertThat(WireClient.forceCloseResult(response).closed()).isZero();
        assertThat(WireClient.forceCloseResult(response).failed()).isZero();
        assertThat(listed(Scope.root(share).recursively())).hasSize(8);
    }

    private List<String> listed(Scope scope) {
        return client.listAllHandles(scope, null).stream().map(ListedHandle::handleId).toList();
    }

    @SafeVarargs
    private static List<String> ids(List<OpenedHandle>... groups) {
        return Stream.of(groups).flatMap(List::stream).map(OpenedHandle::handleId).toList();
    }
}
