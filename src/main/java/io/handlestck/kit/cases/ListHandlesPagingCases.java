package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedError;
import static io.handlestck.kit.cases.CaseSupport.assertMatchesControl;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.listed;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openTree;
import static io.handlestck.kit.cases.CaseSupport.walkPages;
import static io.handlestck.kit.cases.ListHandlesCases.firstPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.cases.CaseSupport.HandleTree;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.HandleListing.ListedHandle;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.ListHandlesCall;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
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
 * List Handles ({@code suites/list-handles.yaml}): paging with {@code maxresults} and markers, down to
 * one handle per page, across a recursive tree, and markers the target never issued.
 */
@HandlesTckCases
public class ListHandlesPagingCases {

    /** The file paging cases open their handles on. */
    private static final String MANY = "dir/many.txt";

    /** Handle counts paired with maxresults: below, at and across page boundaries, down to 1. */
    static Stream<Arguments> countsAndPageSizes() {
        return Stream.of(Arguments.of(5, 1), Arguments.of(6, 2), Arguments.of(7, 3), Arguments.of(4, 4),
                Arguments.of(5, 4), Arguments.of(3, 10));
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
    @ValueSource(strings = {"0", "-1", "-2147483649", "2147483648", "99999999999999999999", "abc", "1.5", "0x10"})
    void invalidMaxResultsIsRefused(String maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        assertAllowedError(ctx, AnswerSet.ERROR_CODE, ctx.target().listHandles(
                ListHandlesCall.on(share.name(), share.file("file.txt")).maxResults(maxResults)), 400,
                "List Handles with maxresults=" + maxResults);
    }

    @CaseId("LH-024")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {5000, 5001, 100000, Integer.MAX_VALUE})
    void largeMaxResultsIsAccepted(int maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Set<String> opened = openMany(ctx, share, 3);
        HandleListing page = firstPage(ctx, ListHandlesCall.on(share.name(), MANY).maxResults(maxResults));
        assertEquals(opened, new TreeSet<>(page.handleIds()), "maxresults=" + maxResults + " must list all 3 handles");
        assertTrue(page.complete(), "3 handles fit one page of up to 5000");
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
        assertAllowedError(ctx, AnswerSet.ERROR_CODE, ctx.target().listHandles(ListHandlesCall.on(share.name(), file).marker(marker)),
                400, "List Handles with the marker '" + marker + "' the target never issued");
    }

    @CaseId("LH-032")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("treesAndPageSizes")
    void recursivePagingListsTheWholeTreeOnce(Resource resource, int depth, int maxResults, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree tree = openTree(ctx, share, resource == Resource.SHARE_ROOT ? "" : "tree", depth);
        Set<String> expected = tree.ownAndDescendantIds();
        int expectedPages = (expected.size() + maxResults - 1) / maxResults;

        List<String> listed = new ArrayList<>();
        List<HandleListing> pages = walkPages(ctx, ListHandlesCall.on(share.name(), tree.base()).recursive(true)
                .maxResults(maxResults), expectedPages + 1, page -> listed.addAll(page.handleIds()));

        assertEquals(expected, new TreeSet<>(listed), "the pages of a recursive listing of the " + resource
                + " must show the handles of it and all its descendants, nothing else");
        assertEquals(expected.size(), listed.size(), "no handle may appear on two pages: " + listed);
        for (int i = 0; i < pages.size(); i++) {
            int size = pages.get(i).handles().size();
            assertTrue(size <= maxResults, "page " + (i + 1) + " holds " + size + " handles with maxresults=" + maxResults);
        }
        assertEquals(expectedPages, pages.size(), expected.size() + " handles with maxresults=" + maxResults + " take "
                + expectedPages + " page(s); a last page that is exactly full must carry an empty NextMarker");
    }

    /** Resource, tree depth (7 handles at 2, 9 at 3 on a directory; 7 at 2 on the root) and maxresults; 7/7 and 9/3 end exactly full. */
    static Stream<Arguments> treesAndPageSizes() {
        return Stream.of(Arguments.of(Resource.DIRECTORY, 2, 1), Arguments.of(Resource.DIRECTORY, 2, 3),
                Arguments.of(Resource.DIRECTORY, 2, 7), Arguments.of(Resource.DIRECTORY, 3, 3),
                Arguments.of(Resource.SHARE_ROOT, 2, 2));
    }

    /**
     * Opens {@code count} handles on the file {@link #MANY}; returns their ids. Paging is checked on one
     * file, without recursion, so that a paging verdict does not depend on the target's recursion.
     */
    private static Set<String> openMany(CaseContext ctx, TestShare share, int count) {
        return new TreeSet<>(open(ctx, share, share.file(MANY), count));
    }
}
