package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.file.share.ShareClient;
import com.azure.storage.file.share.ShareDirectoryClient;
import com.azure.storage.file.share.ShareFileClient;
import com.azure.storage.file.share.ShareServiceClient;
import com.azure.storage.file.share.ShareServiceClientBuilder;
import com.azure.storage.file.share.models.CloseHandlesInfo;
import com.azure.storage.file.share.models.HandleItem;
import com.azure.storage.file.share.models.ShareErrorCode;
import com.azure.storage.file.share.models.ShareStorageException;
import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * Wire interop with the official Azure Storage SDK for Java: the SDK creates the namespace and a snapshot,
 * lists and force-closes handles opened through the Handle Fixture Protocol, and its own
 * {@link StorageSharedKeyCredential} signatures are accepted (a tampered one is refused). The server's
 * force-close page size is small so that the SDK's own marker loop in {@code forceCloseAllHandles} runs.
 *
 * <p>How the SDK reaches {@code http://127.0.0.1:PORT/devstoreaccount1}: see {@link SdkEndpointPolicy}.
 */
class AzureSdkInteropTest {

    private static final int FORCE_CLOSE_PAGE_SIZE = 4;

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.forceClosePageSize(FORCE_CLOSE_PAGE_SIZE));

    private static ShareServiceClient sdk;
    private final WireClient fixtures = SERVER.client();

    @BeforeAll
    static void connectTheSdk() {
        sdk = sdkBuilder().buildClient();
    }

    /** The SDK configured the way a user would: the server's connection string, plus the endpoint policy. */
    private static ShareServiceClientBuilder sdkBuilder() {
        return new ShareServiceClientBuilder()
                .connectionString(SERVER.server().connectionString())
                .addPolicy(new SdkEndpointPolicy(SERVER.server().endpoint()))
                .retryOptions(new RequestRetryOptions(null, 1, (Integer) null, null, null, null));
    }

    @Test
    void theSdkCreatesSharesDirectoriesFilesAndSnapshots() {
        ShareClient share = sdk.createShare(EmbeddedServer.newShareName());
        ShareDirectoryClient directory = share.createDirectory("dir");
        ShareFileClient file = directory.createFile("file.txt", 1024);
        String snapshot = share.createSnapshot().getSnapshot();

        assertThat(snapshot).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z");
        assertThat(file.getProperties().getContentLength()).isEqualTo(1024);
        assertThat(directory.exists()).isTrue();
        WireClient.expect(fixtures.request("HEAD", share.getShareName(), "dir/file.txt").send(), 200);
        WireClient.expect(fixtures.request("HEAD", share.getShareName(), "dir/file.txt").query("sharesnapshot", snapshot).send(), 200);
    }

    @Test
    void theSdkListsHandlesOfAFileADirectoryAndRecursively() {
        Tree tree = Tree.create();
        List<OpenedHandle> onFile = open(tree.share.getShareName(), "dir/sub/f.txt", 3);
        List<OpenedHandle> onDirectory = open(tree.share.getShareName(), "dir", 2);
        List<OpenedHandle> onSubdirectory = open(tree.share.getShareName(), "dir/sub", 1);

        List<HandleItem> fileHandles = tree.file.listHandles().stream().toList();
        assertThat(fileHandles).extracting(HandleItem::getHandleId).containsExactlyInAnyOrderElementsOf(ids(onFile));
        for (HandleItem handle : fileHandles) {
            assertThat(handle.getPath()).isEqualTo("dir/sub/f.txt");
            assertThat(handle.getClientIp()).isEqualTo("10.0.0.5:49152");
            assertThat(handle.getClientName()).isEqualTo("host1");
            assertThat(handle.getOpenTime()).isNotNull();
            assertThat(handle.getAccessRights()).isNotEmpty();
            assertThat(handle.getFileId()).isEqualTo(onFile.get(0).fileId());
        }

        assertThat(tree.directory.listHandles(null, false, null, null).stream().map(HandleItem::getHandleId))
                .as("non-recursive: the directory's own handles").containsExactlyInAnyOrderElementsOf(ids(onDirectory));
        assertThat(tree.directory.listHandles(null, true, null, null).stream().map(HandleItem::getHandleId))
                .as("recursive: the directory and everything under it")
                .containsExactlyInAnyOrderElementsOf(ids(onDirectory, onSubdirectory, onFile));
        assertThat(tree.share.getRootDirectoryClient().listHandles(null, true, null, null).stream().map(HandleItem::getHandleId))
                .containsExactlyInAnyOrderElementsOf(ids(onDirectory, onSubdirectory, onFile));
    }

    @Test
    void theSdkFollowsListHandlesPagesWithMaxResultsPerPage() {
        Tree tree = Tree.create();
        List<OpenedHandle> opened = new ArrayList<>(open(tree.share.getShareName(), "dir/sub/f.txt", 4));
        opened.addAll(open(tree.share.getShareName(), "dir", 3));

        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (PagedResponse<HandleItem> page : tree.directory.listHandles(2, true, null, null).iterableByPage()) {
            pages++;
            assertThat(page.getValue()).as("page %d", pages).hasSizeLessThanOrEqualTo(2);
            page.getValue().forEach(handle -> seen.add(handle.getHandleId()));
        }
        assertThat(seen).as("every handle exactly once").containsExactlyInAnyOrderElementsOf(ids(opened));
        assertThat(pages).isBetween(4, 5);
    }

    @Test
    void theSdkForceClosesOneHandleById() {
        Tree tree = Tree.create();
        List<OpenedHandle> opened = open(tree.share.getShareName(), "dir/sub/f.txt", 3);

        CloseHandlesInfo closed = tree.file.forceCloseHandle(opened.get(1).handleId());
        assertThat(closed.getClosedHandles()).isEqualTo(1);
        assertThat(closed.getFailedHandles()).isZero();
        assertThat(fixtures.handleState(tree.share.getShareName(), opened.get(1).handleId())).isEqualTo("force-closed");
        assertThat(fixtures.handleState(tree.share.getShareName(), opened.get(0).handleId())).isEqualTo("open");
        assertThat(tree.file.listHandles().stream().map(HandleItem::getHandleId))
                .containsExactlyInAnyOrder(opened.get(0).handleId(), opened.get(2).handleId());

        CloseHandlesInfo again = tree.file.forceCloseHandle(opened.get(1).handleId());
        assertThat(again.getClosedHandles()).as("a closed handle is not closed twice").isZero();
        CloseHandlesInfo unknown = tree.directory.forceCloseHandle("1");
        assertThat(unknown.getClosedHandles()).isZero();
        assertThat(unknown.getFailedHandles()).isZero();
    }

    @Test
    void theSdkForceClosesAllHandlesFollowingMarkers() {
        Tree tree = Tree.create();
        String share = tree.share.getShareName();
        // At most one page on the file: ShareFileClient.forceCloseAllHandles (sync, SDK 12.29.1) builds its PagedIterable
        // without a next-page retriever and throws a NullPointerException when the service returns x-ms-marker.
        // ShareDirectoryClient follows markers, which the recursive closes below prove.
        List<OpenedHandle> onFile = open(share, "dir/sub/f.txt", FORCE_CLOSE_PAGE_SIZE - 1);
        List<OpenedHandle> onDirectory = open(share, "dir", FORCE_CLOSE_PAGE_SIZE + 2);
        List<OpenedHandle> onRoot = open(share, "", 2);

        CloseHandlesInfo fileOnly = tree.file.forceCloseAllHandles(null, null);
        assertThat(fileOnly.getClosedHandles()).isEqualTo(onFile.size());
        CloseHandlesInfo notRecursive = tree.directory.forceCloseAllHandles(false, null, null);
        assertThat(notRecursive.getClosedHandles()).isEqualTo(onDirectory.size());
        List<OpenedHandle> more = open(share, "dir/sub/f.txt", 9);
        CloseHandlesInfo everything = tree.share.getRootDirectoryClient().forceCloseAllHandles(true, null, null);
        assertThat(everything.getClosedHandles()).as("more than two pages of %d", FORCE_CLOSE_PAGE_SIZE)
                .isEqualTo(onRoot.size() + more.size());
        assertThat(everything.getFailedHandles()).isZero();
        for (OpenedHandle handle : Stream.of(onFile, onDirectory, onRoot, more).flatMap(List::stream).toList()) {
            assertThat(fixtures.handleState(share, handle.handleId())).isEqualTo("force-closed");
        }
        assertThat(tree.share.getRootDirectoryClient().listHandles(null, true, null, null).stream()).isEmpty();
    }

    @Test
    void theSdkListsAndClosesHandlesOnASnapshotWithoutTouchingTheLiveShare() {
        Tree tree = Tree.create();
        String share = tree.share.getShareName();
        String snapshot = tree.share.createSnapshot().getSnapshot();
        List<OpenedHandle> live = open(share, "dir/sub/f.txt", 2);
        List<OpenedHandle> onSnapshot = fixtures.openHandles(share, "dir/sub/f.txt", snapshot, FORCE_CLOSE_PAGE_SIZE + 3);
        ShareClient snapshotShare = sdk.getShareClient(share).getSnapshotClient(snapshot);

        assertThat(snapshotShare.getFileClient("dir/sub/f.txt").listHandles().stream().map(HandleItem::getHandleId))
                .containsExactlyInAnyOrderElementsOf(ids(onSnapshot));
        assertThat(tree.file.listHandles().stream().map(HandleItem::getHandleId)).containsExactlyInAnyOrderElementsOf(ids(live));

        ShareFileClient snapshotFile = snapshotShare.getFileClient("dir/sub/f.txt");
        assertThat(snapshotFile.forceCloseHandle(live.get(0).handleId()).getClosedHandles())
                .as("a live handle's id does not reach through the snapshot").isZero();
        assertThat(snapshotFile.forceCloseHandle(onSnapshot.get(0).handleId()).getClosedHandles()).isEqualTo(1);
        assertThat(fixtures.handleState(share, onSnapshot.get(0).handleId())).isEqualTo("force-closed");

        CloseHandlesInfo closed = snapshotShare.getRootDirectoryClient().forceCloseAllHandles(true, null, null);
        assertThat(closed.getClosedHandles()).as("the rest, over two pages of %d", FORCE_CLOSE_PAGE_SIZE).isEqualTo(onSnapshot.size() - 1);
        assertThat(tree.file.listHandles().stream().map(HandleItem::getHandleId))
                .as("live handles untouched").containsExactlyInAnyOrderElementsOf(ids(live));
        for (OpenedHandle handle : live) {
            assertThat(fixtures.handleState(share, handle.handleId())).isEqualTo("open");
        }
        assertThat(snapshotShare.getFileClient("dir/sub/f.txt").listHandles().stream()).isEmpty();
    }

    /** The SDK's percent-encoding of unusual names must sign and resolve exactly as the server reads them. */
    @Test
    void theSdkWorksWithSpacesUnicodeAndReservedCharactersInNames() {
        ShareClient share = sdk.createShare(EmbeddedServer.newShareName());
        String directoryName = "d\u00e9j\u00e0 vu + 100%";
        String fileName = "na\u00efve file (1) & co;=.txt";
        ShareDirectoryClient directory = share.createDirectory(directoryName).createSubdirectory("\u65e5\u672c");
        ShareFileClient file = directory.createFile(fileName, 0);
        String path = directoryName + "/\u65e5\u672c/" + fileName;
        List<OpenedHandle> opened = open(share.getShareName(), path, 2);

        List<HandleItem> listed = file.listHandles().stream().toList();
        assertThat(listed).extracting(HandleItem::getHandleId).containsExactlyInAnyOrderElementsOf(ids(opened));
        assertThat(listed).extracting(HandleItem::getPath).containsOnly(path);
        assertThat(share.getDirectoryClient(directoryName).listHandles(null, true, null, null).stream().count()).isEqualTo(2);
        assertThat(file.forceCloseHandle(opened.get(0).handleId()).getClosedHandles()).isEqualTo(1);
        assertThat(share.getDirectoryClient(directoryName).forceCloseAllHandles(true, null, null).getClosedHandles()).isEqualTo(1);
    }

    @Test
    void aTamperedSdkSignatureIsRefusedAndChangesNothing() {
        Tree tree = Tree.create();
        List<OpenedHandle> opened = open(tree.share.getShareName(), "dir/sub/f.txt", 2);
        ShareServiceClient tampering = sdkBuilder().addPolicy(new TamperSignaturePolicy()).buildClient();
        ShareFileClient file = tampering.getShareClient(tree.share.getShareName()).getFileClient("dir/sub/f.txt");

        assertThatThrownBy(() -> file.forceCloseAllHandles(null, null))
                .isInstanceOfSatisfying(ShareStorageException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(403);
                    assertThat(refused.getErrorCode()).isEqualTo(ShareErrorCode.AUTHENTICATION_FAILED);
                });
        assertThat(tree.file.listHandles().stream().map(HandleItem::getHandleId)).containsExactlyInAnyOrderElementsOf(ids(opened));
    }

    @Test
    void theSdkSeesTheRecordedErrorCodes() {
        Tree tree = Tree.create();
        assertThatThrownBy(() -> tree.directory.getFileClient("missing.txt").forceCloseAllHandles(null, null))
                .isInstanceOfSatisfying(ShareStorageException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(ShareErrorCode.RESOURCE_NOT_FOUND));
        assertThatThrownBy(() -> tree.file.forceCloseHandle("invalidHandleId"))
                .isInstanceOfSatisfying(ShareStorageException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(ShareErrorCode.INVALID_HEADER_VALUE));
        assertThatThrownBy(() -> sdk.getShareClient(EmbeddedServer.newShareName()).getRootDirectoryClient()
                .listHandles(null, true, null, null).stream().count())
                .isInstanceOfSatisfying(ShareStorageException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(ShareErrorCode.SHARE_NOT_FOUND));
    }

    private List<OpenedHandle> open(String share, String path, int count) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("share", share);
        body.put("path", path);
        body.put("count", count);
        body.put("clientIp", "10.0.0.5:49152");
        body.put("clientName", "host1");
        body.put("accessRights", List.of("Read", "Write", "Delete"));
        return fixtures.openHandles(body);
    }

    @SafeVarargs
    private static List<String> ids(List<OpenedHandle>... groups) {
        return Stream.of(groups).flatMap(List::stream).map(OpenedHandle::handleId).toList();
    }

    /** A share made by the SDK: {@code dir/sub/f.txt}. */
    private record Tree(ShareClient share, ShareDirectoryClient directory, ShareFileClient file) {
        static Tree create() {
            ShareClient share = sdk.createShare(EmbeddedServer.newShareName());
            ShareDirectoryClient directory = share.createDirectory("dir");
            ShareFileClient file = directory.createSubdirectory("sub").createFile("f.txt", 0);
            return new Tree(share, directory, file);
        }
    }

    /** Runs after the SDK's credential policy and changes one character of the signature it made. */
    private static final class TamperSignaturePolicy implements HttpPipelinePolicy {
        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            String authorization = context.getHttpRequest().getHeaders().getValue(HttpHeaderName.AUTHORIZATION);
            int colon = authorization.indexOf(':');
            char first = authorization.charAt(colon + 1);
            context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION,
                    authorization.substring(0, colon + 1) + (first == 'A' ? 'B' : 'A') + authorization.substring(colon + 2));
            return next.process();
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_RETRY;
        }
    }
}
