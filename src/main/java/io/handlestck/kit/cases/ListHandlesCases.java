package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedError;
import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.listed;
import static io.handlestck.kit.cases.CaseSupport.listedPaths;
import static io.handlestck.kit.cases.CaseSupport.onlyHandle;
import static io.handlestck.kit.cases.CaseSupport.onMissingPath;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOne;
import static io.handlestck.kit.cases.CaseSupport.openTree;
import static io.handlestck.kit.cases.ListHandlesBodyCases.present;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.cases.CaseSupport.HandleTree;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.client.HandleListing.ListedHandle;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.provision.HandleRequest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * List Handles ({@code suites/list-handles.yaml}): which handles a listing shows (file, directory,
 * recursion, the share root, snapshots) and the errors of the operation. What each {@code Handle}
 * says is in {@link ListHandlesBodyCases}, paging in {@link ListHandlesPagingCases}.
 */
@HandlesTckCases
public class ListHandlesCases {

    static Stream<Arguments> directoriesWithoutRecursion() {
        return ForceCloseHandlesCases.directoriesWithoutRecursion();
    }

    @CaseId("LH-001")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void everyHandleIsListedWithItsIdAndPath(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        Set<String> ids = new TreeSet<>(open(ctx, share, path, 3));

        Map<String, String> listing = listedPaths(ctx, ListHandlesCall.on(share.name(), path));

        assertEquals(ids, new TreeSet<>(listing.keySet()), "List Handles of the " + resource + " must list its handles");
        listing.forEach((id, listedPath) -> assertEquals(path, listedPath, "Path of handle " + id));
    }

    @CaseId("LH-002")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void emptyListingHasNoHandleAndAnEmptyNextMarker(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleListing listing = firstPage(ctx, ListHandlesCall.on(share.name(), resource.create(share)));
        assertEquals(List.of(), listing.handleIds(), "a " + resource + " without handles lists none");
        assertNotNull(listing.nextMarker(), "NextMarker is a required element");
        assertEquals("", listing.nextMarker(), "NextMarker must be empty when the listing is complete");
    }

    @CaseId("LH-004")
    @ParameterizedTest(name = CaseNames.RESOURCE_AND_NAMED_VARIANT)
    @MethodSource("directoriesWithoutRecursion")
    void nonRecursiveListingLeavesOutChildren(Resource resource, NoRecursion recursive, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree tree = openTree(ctx, share, resource == Resource.SHARE_ROOT ? "" : "tree", 2);
        ListHandlesCall call = ListHandlesCall.on(share.name(), tree.base()).recursive(recursive.header());
        assertEquals(tree.ownIds(), listed(ctx, call), "List Handles of the " + resource + " with x-ms-recursive "
                + recursive + " must list only the handles on the " + resource + " itself");
    }

    @CaseId("LH-005")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("directoryDepths")
    void recursiveListingIncludesEveryDescendant(Resource resource, int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree tree = openTree(ctx, share, resource == Resource.SHARE_ROOT ? "" : "tree", depth);

        Map<String, String> listing = listedPaths(ctx, ListHandlesCall.on(share.name(), tree.base()).recursive(true));

        assertEquals(tree.ownAndDescendantIds(), new TreeSet<>(listing.keySet()),
                "a recursive listing must show the handles of the " + resource + " and all its descendants, nothing else");
        Map<String, String> paths = tree.allPaths();
        listing.forEach((id, path) -> assertEquals(paths.get(id), path, "Path of handle " + id));
    }

    static Stream<Arguments> directoryDepths() {
        return Stream.of(Arguments.of(Resource.DIRECTORY, 1), Arguments.of(Resource.DIRECTORY, 3),
                Arguments.of(Resource.SHARE_ROOT, 1), Arguments.of(Resource.SHARE_ROOT, 3));
    }

    @CaseId("LH-006")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"", "dir", "dir/file.txt", "a/b/c/d.txt"})
    void pathIsRelativeToTheShareRoot(String path, CaseContext ctx) {
        TestShare share = ctx.newShare();
        if (path.endsWith(".txt")) {
            share.file(path);
        } else if (!path.isEmpty()) {
            share.directory(path);
        }
        String id = openOne(ctx, share, path);

        ListedHandle handle = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), path)), id);

        assertEquals(path, handle.decodedPath(), "Path must be relative to the share root, without a leading '/'"
                + (path.isEmpty() ? " (empty for the root itself)" : ""));
    }

    @CaseId("LH-016")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(booleans = {false, true})
    void rootHandleHasEmptyPathAndFileIdZero(boolean recursive, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String id = openOne(ctx, share, "");

        ListedHandle handle = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), "").recursive(recursive)), id);

        assertEquals("", handle.path(), "the root directory's Path is empty");
        assertEquals("0", handle.fileId(), "the root directory's FileId is 0");
    }

    @CaseId("LH-025")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void snapshotAndLiveListingsAreSeparate(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String snapshot = share.snapshot();
        Set<String> live = new TreeSet<>(open(ctx, share, path, 2));
        Set<String> onSnapshot = new TreeSet<>(CaseSupport.ids(
                ctx.handles().open(HandleRequest.on(share.name(), path).snapshot(snapshot))));

        assertEquals(live, listed(ctx, ListHandlesCall.on(share.name(), path)),
                "without sharesnapshot only the live share's handles are listed");
        assertEquals(onSnapshot, listed(ctx, ListHandlesCall.on(share.name(), path).snapshot(snapshot)),
                "with sharesnapshot only that snapshot's handles are listed");
    }

    @CaseId("LH-033")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Resource.class, names = {"DIRECTORY", "SHARE_ROOT"})
    void recursiveSnapshotListingShowsOnlyTheSnapshotsTree(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree live = openTree(ctx, share, resource == Resource.SHARE_ROOT ? "" : "tree", 2);
        String snapshot = share.snapshot();
        Map<String, String> onSnapshot = new TreeMap<>();
        Set<String> inside = new TreeSet<>(live.own().values());
        inside.addAll(live.descendants().values());
        for (String path : inside) {
            CaseSupport.ids(ctx.handles().open(HandleRequest.on(share.name(), path).snapshot(snapshot)))
                    .forEach(id -> onSnapshot.put(id, path));
        }
        for (String path : new TreeSet<>(live.outside().values())) {
            ctx.handles().open(HandleRequest.on(share.name(), path).snapshot(snapshot));
        }

        ListHandlesCall recursive = ListHandlesCall.on(share.name(), live.base()).recursive(true);
        assertEquals(onSnapshot, listedPaths(ctx, recursive.snapshot(snapshot)), "a recursive listing of the " + resource
                + " with sharesnapshot must show exactly that snapshot's handles of the tree, with their paths");
        assertEquals(live.ownAndDescendantIds(), listed(ctx, recursive),
                "the recursive listing without sharesnapshot must show only the live share's handles of the tree");
    }

    @CaseId("LH-026")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("io.handlestck.kit.cases.CaseSupport#missingPaths")
    void missingFileOrDirectoryIsNotFound(String path, CaseContext ctx) {
        assertStatus(onMissingPath(ctx, HandleOperation.LIST_HANDLES, path), 404, "List Handles of the missing '" + path + "'");
    }

    @CaseId("LH-034")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("io.handlestck.kit.cases.CaseSupport#missingPaths")
    void missingFileOrDirectoryIsResourceNotFound(String path, CaseContext ctx) {
        assertError(onMissingPath(ctx, HandleOperation.LIST_HANDLES, path), 404, "ResourceNotFound",
                "List Handles of the missing '" + path + "'");
    }

    @CaseId("LH-027")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void missingShareIsNotFound(Resource resource, CaseContext ctx) {
        assertStatus(ctx.target().listHandles(ListHandlesCall.on(CaseSupport.missingShareName(), resource.missingPath())),
                404, "List Handles of a " + resource + " of a missing share");
    }

    @CaseId("LH-035")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void missingShareIsShareNotFound(Resource resource, CaseContext ctx) {
        assertError(ctx.target().listHandles(ListHandlesCall.on(CaseSupport.missingShareName(), resource.missingPath())),
                404, "ShareNotFound", "List Handles of a " + resource + " of a missing share");
    }

    @CaseId("LH-028")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void unknownSnapshotIsNotFound(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        share.snapshot();
        assertAllowedError(ctx, AnswerSet.ERROR_CODE, ctx.target().listHandles(ListHandlesCall.on(share.name(), path)
                .snapshot("2001-01-01T00:00:00.0000000Z")), 404, "List Handles of a snapshot that was never taken");
    }

    /** One page of a listing; anything but 200 fails the case with what came back. */
    static HandleListing firstPage(CaseContext ctx, ListHandlesCall call) {
        Response response = ctx.target().listHandles(call);
        assertStatus(response, 200, "List Handles of '" + call.path() + "'");
        return HandleListing.of(response);
    }
}
