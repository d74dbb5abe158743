package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedStatus;
import static io.handlestck.kit.cases.CaseSupport.assertClosed;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.listed;
import static io.handlestck.kit.cases.CaseSupport.listedPaths;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOne;
import static io.handlestck.kit.cases.CaseSupport.openTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.cases.CaseSupport.HandleTree;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.provision.HandleState;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Handle semantics ({@code suites/handle-semantics.yaml}): what a force close means to the client
 * that held the handle and to the operations the handle blocked. The client's view comes from the
 * provisioner ({@code fixture-state}); the blocked operations are plain deletes and renames.
 */
@HandlesTckCases
public class HandleSemanticsCases {

    @CaseId("HS-001")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void forceClosedHandleIsForceClosedForItsClient(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        List<String> ids = open(ctx, share, path, 2);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).handleId(ids.get(0))), 1,
                "Force Close of handle " + ids.get(0));

        assertEquals(HandleState.FORCE_CLOSED, ctx.handles().state(share.name(), ids.get(0)),
                "the client of the closed handle must see it force-closed");
        assertEquals(HandleState.OPEN, ctx.handles().state(share.name(), ids.get(1)),
                "the client of the other handle must still see it open");
    }

    @CaseId("HS-002")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 3})
    void recursiveCloseIsVisibleToEveryClientBeneath(int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree tree = openTree(ctx, share, "tree", depth);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), "tree").allHandles().recursive(true)),
                tree.ownAndDescendantIds().size(), "recursive Force Close * on a directory " + depth + " level(s) deep");

        for (String id : tree.ownAndDescendantIds()) {
            assertEquals(HandleState.FORCE_CLOSED, ctx.handles().state(share.name(), id),
                    "the client of handle " + id + " on '" + tree.allPaths().get(id) + "' must see it force-closed");
        }
        for (String id : tree.outsideIds()) {
            assertEquals(HandleState.OPEN, ctx.handles().state(share.name(), id),
                    "the client of handle " + id + " outside the directory must still see it open");
        }
    }

    @CaseId("HS-003")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 3})
    void fileDeleteSucceedsOnceHandlesAreForceClosed(int handles, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("dir/locked.txt");
        open(ctx, share, file, handles);

        blockedUntilForceClosed(ctx, share, file, handles, () -> ctx.target().deleteFile(share.name(), file), "Delete File");
    }

    @CaseId("HS-004")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"locked", "outer/inner/locked"})
    void directoryDeleteSucceedsOnceHandlesAreForceClosed(String directory, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.directory(directory);
        open(ctx, share, directory, 2);

        assertAllowedStatus(ctx, AnswerSet.BLOCKED_STATUS, ctx.target().deleteDirectory(share.name(), directory),
                "Delete Directory while handles are open on it");
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), directory).allHandles()), 2,
                "Force Close * on the directory");
        assertSucceeded(ctx.target().deleteDirectory(share.name(), directory), "Delete Directory after the force close");
    }

    @CaseId("HS-005")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"src", "src/file.txt", "src/sub/deep.txt"})
    void directoryRenameSucceedsOnceHandlesBeneathAreForceClosed(String lockedPath, CaseContext ctx) {
        TestShare share = ctx.newShare();
        requireRename(ctx, share, true);
        share.directory("src/sub");
        if (lockedPath.endsWith(".txt")) {
            share.file(lockedPath);
        }
        openOne(ctx, share, lockedPath);

        assertAllowedStatus(ctx, AnswerSet.BLOCKED_STATUS, ctx.target().rename(share.name(), "src", "dst", true),
                "Rename Directory while a handle is open on '" + lockedPath + "'");
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), "src").allHandles().recursive(true)), 1,
                "recursive Force Close * on the directory");
        assertSucceeded(ctx.target().rename(share.name(), "src", "dst", true), "Rename Directory after the force close");
        assertMoved(ctx, share, lockedPath, "dst" + lockedPath.substring("src".length()));
    }

    @CaseId("HS-006")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 2})
    void fileRenameSucceedsOnceHandlesAreForceClosed(int handles, CaseContext ctx) {
        TestShare share = ctx.newShare();
        requireRename(ctx, share, false);
        String file = share.file("dir/locked.txt");
        open(ctx, share, file, handles);

        blockedUntilForceClosed(ctx, share, file, handles,
                () -> ctx.target().rename(share.name(), file, "dir/renamed.txt", false), "Rename File");
        assertMoved(ctx, share, file, "dir/renamed.txt");
    }

    @CaseId("HS-009")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 2})
    void fileRecreateSucceedsOnceHandlesAreForceClosed(int handles, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("dir/locked.txt");
        open(ctx, share, file, handles);

        blockedUntilForceClosed(ctx, share, file, handles, () -> ctx.target().createFile(share.name(), file),
                "Create File over the file");
    }

    @CaseId("HS-010")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 2})
    void renameOntoAnOpenFileSucceedsOnceItsHandlesAreForceClosed(int handles, CaseContext ctx) {
        TestShare share = ctx.newShare();
        requireRename(ctx, share, false);
        String source = share.file("dir/new.txt");
        String destination = share.file("dir/locked.txt");
        open(ctx, share, destination, handles);

        blockedUntilForceClosed(ctx, share, destination, handles,
                () -> ctx.target().renameReplacing(share.name(), source, destination),
                "Rename File with replace-if-exists onto '" + destination + "'");
        assertMoved(ctx, share, source, destination);
    }

    /**
     * The change is refused while {@code handles} handles are open on {@code path}, and succeeds once
     * Force Close * on that path has closed exactly them.
     */
    private static void blockedUntilForceClosed(CaseContext ctx, TestShare share, String path, int handles,
                                                Supplier<Response> change, String what) {
        assertAllowedStatus(ctx, AnswerSet.BLOCKED_STATUS, change.get(), what + " while " + handles
                + " handle(s) are open on '" + path + "'");
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).allHandles()), handles,
                "Force Close * on '" + path + "'");
        assertSucceeded(change.get(), what + " after the force close");
    }

    /**
     * After a rename the resource is under its new path only: a handle opened there is listed with the
     * new path, and List Handles of the old path answers 404.
     */
    private static void assertMoved(CaseContext ctx, TestShare share, String from, String to) {
        String id = openOne(ctx, share, to);
        assertEquals(Map.of(id, to), listedPaths(ctx, ListHandlesCall.on(share.name(), to)),
                "a handle opened on '" + to + "', where the rename put '" + from + "', must be listed with that path");
        assertStatus(ctx.target().listHandles(ListHandlesCall.on(share.name(), from)), 404,
                "List Handles of '" + from + "', renamed away");
    }

    @CaseId("HS-007")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void handleClosedByItsClientIsGone(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        List<String> ids = open(ctx, share, path, 2);

        ctx.handles().closeAsClient(share.name(), ids.get(0));

        assertEquals(Set.of(ids.get(1)), listed(ctx, ListHandlesCall.on(share.name(), path)),
                "a handle its client closed must no longer be listed");
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).handleId(ids.get(0))), 0,
                "Force Close of the handle its client already closed");
        assertEquals(HandleState.CLOSED, ctx.handles().state(share.name(), ids.get(0)),
                "a handle closed by its client stays closed, not force-closed");
    }

    @CaseId("HS-008")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Resource.class, names = {"FILE", "DIRECTORY"})
    void forceCloseLeavesTheResourceInPlace(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        open(ctx, share, path, 2);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).allHandles()), 2, "Force Close * on the " + resource);

        String url = ctx.target().url(share.name(), path);
        Response properties = resource == Resource.FILE ? ctx.target().request().head(url)
                : ctx.target().request().get(TargetClient.withQuery(url, "restype", "directory"));
        assertEquals(200, properties.getStatusCode(), "the " + resource + " must still exist after its handles were "
                + "force-closed: Get Properties answered " + properties.getStatusCode());
    }

    /** Renames a fresh, handle-free resource first: a target that cannot rename at all lacks the optional feature. */
    private static void requireRename(CaseContext ctx, TestShare share, boolean directory) {
        String source = directory ? share.directory("probe-src") : share.file("probe-src.txt");
        Response probe = ctx.target().rename(share.name(), source, directory ? "probe-dst" : "probe-dst.txt", directory);
        if (probe.getStatusCode() / 100 != 2) {
            ctx.notImplemented("the target does not rename a " + (directory ? "directory" : "file")
                    + " without handles: " + describe(probe));
        }
    }

    private static void assertSucceeded(Response response, String what) {
        assertTrue(response.getStatusCode() / 100 == 2, what + " must succeed, answered " + describe(response));
    }
}
