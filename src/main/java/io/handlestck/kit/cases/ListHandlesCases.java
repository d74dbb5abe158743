package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedError;
import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertMatchesControl;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.child;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.listed;
import static io.handlestck.kit.cases.CaseSupport.listedPaths;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOne;
import static io.handlestck.kit.cases.CaseSupport.walkPages;
import static io.handlestck.kit.cases.CaseSupport.onlyHandle;
import static io.handlestck.kit.cases.CaseSupport.openTree;
import static io.handlestck.kit.cases.CaseSupport.parseRfc1123;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.cases.CaseSupport.HandleTree;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.HandleListing.ListedHandle;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.provision.HandleRequest;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * List Handles ({@code suites/list-handles.yaml}): which handles a listing shows, what each
 * {@code Handle} says and in which order, version gating, paging and errors. Bodies are also held
 * against the real service's shapes in {@code fixtures/xml/}.
 */
@HandlesTckCases
public class ListHandlesCases {

    /** The children of {@code Handle} in the real service's order (reference §4.2). */
    static final List<String> HANDLE_ELEMENT_ORDER = List.of("HandleId", "Path", "FileId", "ParentId", "SessionId",
            "AccessRightList", "ClientIp", "ClientName", "OpenTime", "LastReconnectTime");

    /** The file paging cases open their handles on. */
    private static final String MANY = "dir/many.txt";
    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

    static Stream<Arguments> directoriesWithoutRecursion() {
        return ForceCloseHandlesCases.directoriesWithoutRecursion();
    }

    /** Handle counts paired with maxresults: below, at and across page boundaries, down to 1. */
    static Stream<Arguments> countsAndPageSizes() {
        return Stream.of(Arguments.of(5, 1), Arguments.of(6, 2), Arguments.of(7, 3), Arguments.of(4, 4),
                Arguments.of(5, 4), Arguments.of(3, 10));
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

    @CaseId("LH-003")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void emptyListingIsTheRealBody(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), resource.create(share)));
        assertStatus(response, 200, "List Handles of a " + resource + " without handles");
        assertMatchesControl(ctx, "list-handles-empty.xml", response);
    }

    @CaseId("LH-004")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("directoriesWithoutRecursion")
    void nonRecursiveListingLeavesOutChildren(Resource resource, String recursive, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree tree = openTree(ctx, share, resource == Resource.SHARE_ROOT ? "" : "tree", 2);
        ListHandlesCall call = ListHandlesCall.on(share.name(), tree.base());
        if (!recursive.equals("absent")) {
            call = call.recursive(recursive);
        }
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

    @CaseId("LH-007")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2019-02-02", "2023-01-03", "2024-05-04"})
    void handleChildrenComeInTheRealOrder(String version, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("dir/file.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).client("10.0.0.5:49152", "kit-host")
                .accessRights("Read", "Write"));

        ListedHandle handle = firstPage(ctx, ListHandlesCall.on(share.name(), file).header("x-ms-version", version))
                .handles().get(0);

        List<String> known = handle.children().stream().filter(HANDLE_ELEMENT_ORDER::contains).toList();
        List<String> inRealOrder = HANDLE_ELEMENT_ORDER.stream().filter(known::contains).toList();
        assertEquals(inRealOrder, known, "children of <Handle> at " + version + " must follow the order "
                + HANDLE_ELEMENT_ORDER);
    }

    @CaseId("LH-008")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void listingStartsWithBomAndDeclaration(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), resource.create(share)));
        assertStatus(response, 200, "List Handles of the " + resource);
        byte[] body = response.asByteArray();
        assertTrue(ctx.xml().hasBom(body), "the body must start with the UTF-8 byte order mark EF BB BF");
        String afterBom = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(afterBom.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
                "the XML declaration must follow the BOM, body starts '" + afterBom.substring(0,
                        Math.min(40, afterBom.length())) + "'");
    }

    @CaseId("LH-009")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2019-02-02", "2023-01-03", "2024-05-04"})
    void oneHandleListingMatchesTheRealBody(String version, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("ctl/file.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).client("10.2.4.26:49849", "kit-host")
                .accessRights("Read", "Write", "Delete"));

        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), file).header("x-ms-version", version));

        assertStatus(response, 200, "List Handles at " + version);
        assertMatchesControl(ctx, "list-handles-one-" + version + ".xml", response);
    }

    @CaseId("LH-010")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2019-02-02", "2022-11-02", "2023-01-03", "2024-05-04"})
    void accessRightListAppearsFrom20230103(String version, CaseContext ctx) {
        ListedHandle handle = oneHandleAt(ctx, version);
        if (version.compareTo("2023-01-03") >= 0) {
            assertNotNull(handle.accessRights(), "AccessRightList must be sent from 2023-01-03 (version " + version + ")");
        } else {
            assertNull(handle.accessRights(), "AccessRightList did not exist before 2023-01-03 (version " + version + ")");
        }
    }

    @CaseId("LH-011")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2023-01-03", "2023-11-03", "2024-02-04", "2024-05-04"})
    void clientNameAppearsFrom20240204(String version, CaseContext ctx) {
        ListedHandle handle = oneHandleAt(ctx, version);
        boolean present = handle.children().contains("ClientName");
        if (version.compareTo("2024-02-04") >= 0) {
            assertTrue(present, "ClientName must be sent from 2024-02-04 (version " + version + ")");
        } else {
            assertFalse(present, "ClientName did not exist before 2024-02-04 (version " + version + ")");
        }
    }

    @CaseId("LH-012")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"Read", "Read,Write", "Read,Write,Delete", "Write,Delete"})
    void accessRightsAreThoseOfTheOpen(String rights, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        String[] requested = rights.split(",");
        String id = CaseSupport.ids(ctx.handles().open(HandleRequest.on(share.name(), file).accessRights(requested))).get(0);

        ListedHandle handle = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), file)), id);

        assertNotNull(handle.accessRights(), "AccessRightList must be sent at " + ctx.version());
        assertEquals(new TreeSet<>(List.of(requested)), new TreeSet<>(handle.accessRights()),
                "AccessRightList must name the rights the handle was opened with");
    }

    @CaseId("LH-013")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void idsAreDecimalUint64(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String id = openOne(ctx, share, path);
        ListedHandle handle = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), path)), id);
        assertUint64("HandleId", handle.handleId());
        assertUint64("FileId", handle.fileId());
        assertUint64("SessionId", handle.sessionId());
        if (handle.parentId() != null) {
            assertUint64("ParentId", handle.parentId());
        }
    }

    @CaseId("LH-014")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void openTimeIsAnRfc1123DateNearTheOpen(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        Instant before = Instant.now();
        String id = openOne(ctx, share, path);
        Instant after = Instant.now();

        String openTime = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), path)), id).openTime();

        assertNotNull(openTime, "OpenTime is a required element");
        Instant parsed = parseRfc1123(openTime, "OpenTime");
        assertTrue(!parsed.isBefore(before.minus(CaseSupport.CLOCK_TOLERANCE)) && !parsed.isAfter(after.plus(CaseSupport.CLOCK_TOLERANCE)),
                "OpenTime " + openTime + " is not within " + CaseSupport.CLOCK_TOLERANCE.toMinutes() + " minutes of the open at " + before);
    }

    @CaseId("LH-015")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("clients")
    void clientDetailsAreThoseOfTheOpener(String clientIp, String clientName, String sessionId, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        String id = CaseSupport.ids(ctx.handles().open(HandleRequest.on(share.name(), file).client(clientIp, clientName)
                .session(sessionId))).get(0);

        ListedHandle handle = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), file)), id);

        assertEquals(clientIp, handle.clientIp(), "ClientIp must be the opener's ip:port");
        assertEquals(sessionId, handle.sessionId(), "SessionId must be the opener's SMB session");
        if (ctx.versionAtLeast("2024-02-04")) {
            assertEquals(clientName, handle.clientName(), "ClientName must be the opener's machine name");
        }
    }

    static Stream<Arguments> clients() {
        return Stream.of(Arguments.of("10.0.0.5:49152", "host-one", "9479488151052354093"),
                Arguments.of("192.168.17.250:445", "WORKSTATION-7", "1"),
                Arguments.of("[2001:db8::7]:50352", "v6-client", "18446744073709551615"));
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

    @CaseId("LH-017")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 3})
    void fileIdAndParentIdIdentifyTheTree(int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String directory = "";
        for (int level = 1; level <= depth; level++) {
            directory = child(directory, "d" + level);
        }
        share.directory(directory);
        String file = share.file(child(directory, "file.txt"));
        String other = share.file(child(directory, "other.txt"));
        String directoryHandle = openOne(ctx, share, directory);
        List<String> fileHandles = open(ctx, share, file, 2);
        String otherHandle = openOne(ctx, share, other);

        Map<String, ListedHandle> byId = new HashMap<>();
        for (String path : List.of(directory, file, other)) {
            firstPage(ctx, ListHandlesCall.on(share.name(), path)).handles()
                    .forEach(handle -> byId.put(handle.handleId(), handle));
        }

        ListedHandle onDirectory = present(byId, directoryHandle);
        ListedHandle first = present(byId, fileHandles.get(0));
        ListedHandle second = present(byId, fileHandles.get(1));
        ListedHandle onOther = present(byId, otherHandle);
        assertEquals(first.fileId(), second.fileId(), "two handles on one file must carry the same FileId");
        assertFalse(first.fileId().equals(onOther.fileId()), "two files must have different FileIds");
        assertFalse(first.fileId().equals(onDirectory.fileId()), "a file and its directory must have different FileIds");
        assertEquals(onDirectory.fileId(), first.parentId(), "a file's ParentId is its directory's FileId");
    }

    @CaseId("LH-018")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("countsAndPageSizes")
    void followingNextMarkerListsEveryHandleOnce(int handles, int maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Set<String> opened = openMany(ctx, share, handles);

        Set<String> listed = listed(ctx, ListHandlesCall.on(share.name(), MANY).maxResults(maxResults));

        assertEquals(opened, listed, handles + " handles listed " + maxResults + " per page must each appear once");
    }

    @CaseId("LH-019")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("countsAndPageSizes")
    void aPageHoldsAtMostMaxResults(int handles, int maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        openMany(ctx, share, handles);

        List<HandleListing> pages = walkPages(ctx, ListHandlesCall.on(share.name(), MANY).maxResults(maxResults),
                handles + 1, page -> { });

        for (int i = 0; i < pages.size(); i++) {
            int size = pages.get(i).handles().size();
            assertTrue(size <= maxResults, "page " + (i + 1) + " holds " + size + " handles with maxresults=" + maxResults);
        }
    }

    @CaseId("LH-020")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void maxResultsIsEchoed(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), resource.create(share)).maxResults(2));
        assertStatus(response, 200, "List Handles with maxresults=2");
        assertMatchesControl(ctx, "list-handles-maxresults-echo.xml", response);
    }

    @CaseId("LH-021")
    @Test
    void markerIsEchoed(CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("ctl/file.txt");
        open(ctx, share, file, 2);
        ListHandlesCall call = ListHandlesCall.on(share.name(), file).header("x-ms-version", "2019-02-02");

        Response first = ctx.target().listHandles(call.maxResults(1));
        assertStatus(first, 200, "List Handles with maxresults=1");
        assertMatchesControl(ctx, "list-handles-first-page.xml", first);
        String nextMarker = HandleListing.of(first).nextMarker();

        Response second = ctx.target().listHandles(call.marker(nextMarker));
        assertStatus(second, 200, "List Handles with the marker of the first page");
        assertMatchesControl(ctx, "list-handles-marker-echo.xml", second);
        assertEquals(nextMarker, HandleListing.of(second).marker(), "Marker must repeat the marker sent");
    }

    @CaseId("LH-022")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("countsAndPageSizes")
    void nextMarkerIsSetExactlyWhileIncomplete(int handles, int maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        openMany(ctx, share, handles);

        int expectedPages = (handles + maxResults - 1) / maxResults;
        List<HandleListing> pages = walkPages(ctx, ListHandlesCall.on(share.name(), MANY).maxResults(maxResults),
                expectedPages + 1, page -> { });

        assertEquals(expectedPages, pages.size(), handles + " handles with maxresults=" + maxResults
                + " take " + expectedPages + " page(s); NextMarker must be empty on the last one and only there");
        assertEquals("", pages.get(pages.size() - 1).nextMarker(), "the last page must carry an empty <NextMarker />");
    }

    @CaseId("LH-023")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"0", "-1", "-2147483649", "abc", "1.5", "0x10"})
    void invalidMaxResultsIsRefused(String maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        assertAllowedError(ctx, "errorCode", ctx.target().listHandles(
                ListHandlesCall.on(share.name(), share.file("file.txt")).maxResults(maxResults)), 400,
                "List Handles with maxresults=" + maxResults);
    }

    @CaseId("LH-024")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {5000, 5001, 100000})
    void largeMaxResultsIsAccepted(int maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Set<String> opened = openMany(ctx, share, 3);
        HandleListing page = firstPage(ctx, ListHandlesCall.on(share.name(), MANY).maxResults(maxResults));
        assertEquals(opened, new TreeSet<>(page.handleIds()), "maxresults=" + maxResults + " must list all 3 handles");
        assertTrue(page.complete(), "3 handles fit one page of up to 5000");
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

    @CaseId("LH-026")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"missing.txt", "missing-dir", "missing-dir/file.txt", "present/missing.txt"})
    void missingFileOrDirectoryIsResourceNotFound(String path, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.directory("present");
        assertError(ctx.target().listHandles(ListHandlesCall.on(share.name(), path)), 404, "ResourceNotFound",
                "List Handles of the missing '" + path + "'");
    }

    @CaseId("LH-027")
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
        assertAllowedError(ctx, "errorCode", ctx.target().listHandles(ListHandlesCall.on(share.name(), path)
                .snapshot("2001-01-01T00:00:00.0000000Z")), 404, "List Handles of a snapshot that was never taken");
    }

    @CaseId("LH-029")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void listingIsApplicationXml(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), resource.create(share)));
        assertStatus(response, 200, "List Handles of the " + resource);
        String contentType = response.getHeader("Content-Type");
        assertNotNull(contentType, "Content-Type must be sent");
        assertTrue(contentType.toLowerCase().startsWith("application/xml"), "Content-Type was " + contentType);
    }

    @CaseId("LH-030")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("pagesClosedUnderfoot")
    void closingListedHandlesDoesNotSkipTheRest(int handles, int maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Set<String> opened = openMany(ctx, share, handles);
        ListHandlesCall call = ListHandlesCall.on(share.name(), MANY).maxResults(maxResults);

        HandleListing first = firstPage(ctx, call);
        assertFalse(first.complete(), handles + " handles with maxresults=" + maxResults + " need more than one page");
        for (ListedHandle handle : first.handles()) {
            forceClose(ctx, ForceCloseCall.on(share.name(), handle.decodedPath()).handleId(handle.handleId()));
        }
        Set<String> rest = listed(ctx, call.marker(first.nextMarker()));

        Set<String> stillOpen = new TreeSet<>(opened);
        first.handleIds().forEach(stillOpen::remove);
        assertEquals(stillOpen, rest, "after closing the " + first.handles().size()
                + " handles of the first page, the following pages must list every handle that stayed open");
    }

    static Stream<Arguments> pagesClosedUnderfoot() {
        return Stream.of(Arguments.of(5, 1), Arguments.of(6, 2), Arguments.of(7, 3));
    }

    @CaseId("LH-031")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"bm90LWEtbWFya2Vy", "1!999!AAAA", "%%%", "-1"})
    void foreignMarkerIsRefused(String marker, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        assertAllowedError(ctx, "errorCode", ctx.target().listHandles(ListHandlesCall.on(share.name(), file).marker(marker)),
                400, "List Handles with the marker '" + marker + "' the target never issued");
    }

    /** One page of a listing; anything but 200 fails the case with what came back. */
    static HandleListing firstPage(CaseContext ctx, ListHandlesCall call) {
        Response response = ctx.target().listHandles(call);
        assertStatus(response, 200, "List Handles of '" + call.path() + "'");
        return HandleListing.of(response);
    }

    private static ListedHandle present(Map<String, ListedHandle> byId, String id) {
        ListedHandle handle = byId.get(id);
        assertNotNull(handle, "handle " + id + " is not listed; listed: " + byId.keySet());
        return handle;
    }

    /** One handle on a file, listed at {@code version} (sent explicitly, whatever the run pins). */
    private static ListedHandle oneHandleAt(CaseContext ctx, String version) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).client("10.0.0.5:49152", "kit-host")
                .accessRights("Read"));
        List<ListedHandle> handles = firstPage(ctx, ListHandlesCall.on(share.name(), file)
                .header("x-ms-version", version)).handles();
        assertEquals(1, handles.size(), "one handle is open on the file");
        return handles.get(0);
    }

    /**
     * Opens {@code count} handles on the file {@link #MANY}; returns their ids. Paging is checked on one
     * file, without recursion, so that a paging verdict does not depend on the target's recursion.
     */
    private static Set<String> openMany(CaseContext ctx, TestShare share, int count) {
        return new TreeSet<>(open(ctx, share, share.file(MANY), count));
    }

    private static void assertUint64(String element, String value) {
        assertNotNull(value, element + " is a required element");
        assertTrue(value.matches("0|[1-9][0-9]{0,19}"), element + " '" + value + "' is not a decimal UINT64");
        assertTrue(new BigInteger(value).compareTo(UINT64_MAX) <= 0, element + " '" + value + "' exceeds 2^64-1");
    }
}
