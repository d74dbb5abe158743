package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedError;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.listed;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOn;
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
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ForceCloseResult;
import io.handlestck.kit.provision.HandleRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Force Close Handles ({@code suites/force-close-handles.yaml}): marker paging, around the target's
 * page size, every handle closed exactly once, also across a recursive tree and on an exactly full page.
 */
@HandlesTckCases
public class ForceClosePagingCases {

    /** The directory whose tree the recursive paging cases close. */
    private static final String TREE = "tree";

    @CaseId("FCH-016")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(PageSizeCount.class)
    void followingMarkersClosesEveryHandleOnce(PageSizeCount count, CaseContext ctx) {
        int pageSize = pageSize(ctx);
        int handles = count.handles(pageSize);
        TestShare share = ctx.newShare();
        String file = share.file("many.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).count(handles));

        List<ForceCloseResult> pages = ctx.target().forceCloseAll(ForceCloseCall.on(share.name(), file).allHandles());

        assertEquals(handles, closedOverPages(pages, pageSize), "the closed counts of " + pages.size()
                + " call(s) must add up to the " + handles + " handles opened (page size " + pageSize + ")");
        assertEquals(Set.of(), openOn(ctx, share, List.of(file)), "no handle may be left open once x-ms-marker is absent");
    }

    @CaseId("FCH-025")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(value = PageSizeCount.class, names = {"ONE_MORE_THAN_A_PAGE", "TWO_PAGES_AND_ONE"})
    void recursiveCloseFollowsMarkersAcrossTheTree(PageSizeCount count, CaseContext ctx) {
        int pageSize = pageSize(ctx);
        int handles = count.handles(pageSize);
        TestShare share = ctx.newShare();
        List<String> tree = tree(share);
        String sibling = share.file(TREE + "-sibling/file.txt");
        Set<String> outside = new TreeSet<>(open(ctx, share, sibling, 1));
        openSpread(ctx, share, tree, handles);

        List<ForceCloseResult> pages = ctx.target().forceCloseAll(
                ForceCloseCall.on(share.name(), TREE).allHandles().recursive(true));

        assertEquals(handles, closedOverPages(pages, pageSize), "the closed counts of " + pages.size()
                + " recursive call(s) must add up to the " + handles + " handles of the tree (page size " + pageSize + ")");
        assertEquals(Set.of(), openOn(ctx, share, tree), "no handle of the tree may be left open once x-ms-marker is absent");
        assertEquals(outside, openOn(ctx, share, List.of(sibling)), "the sibling directory's handle must stay open");
    }

    @CaseId("FCH-026")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Resource.class, names = {"FILE", "DIRECTORY"})
    void exactlyFullCloseReturnsNoMarker(Resource resource, CaseContext ctx) {
        int pageSize = pageSize(ctx);
        TestShare share = ctx.newShare();
        List<String> paths = resource == Resource.FILE ? List.of(share.file("full.txt")) : tree(share);
        openSpread(ctx, share, paths, pageSize);
        ForceCloseCall call = ForceCloseCall.on(share.name(), paths.get(0)).allHandles();

        ForceCloseResult only = forceClose(ctx, resource.isDirectory() ? call.recursive(true) : call);

        String what = "Force Close * over exactly the page size (" + pageSize + ") of handles on the " + resource;
        assertStatus(only.response(), 200, what);
        assertEquals(Long.valueOf(pageSize), only.closed(), what + " must close them all in one call");
        assertNull(only.marker(), what + " leaves nothing open, so x-ms-marker must be absent");
        assertEquals(Set.of(), openOn(ctx, share, paths), "no handle may be left open");
    }

    /** The directory the recursive cases close, and two descendants at different depths: pages cross between them. */
    private static List<String> tree(TestShare share) {
        return List.of(share.directory(TREE), share.file(TREE + "/top.txt"), share.file(TREE + "/sub/deep/file.txt"));
    }

    /** Opens {@code handles} handles over {@code paths}, as evenly as they go, the first paths taking the remainder. */
    private static void openSpread(CaseContext ctx, TestShare share, List<String> paths, int handles) {
        for (int i = 0; i < paths.size(); i++) {
            int here = handles / paths.size() + (i < handles % paths.size() ? 1 : 0);
            if (here > 0) {
                ctx.handles().open(HandleRequest.on(share.name(), paths.get(i)).count(here));
            }
        }
    }

    /** Checks every page answered 200 with a closed count no larger than the page size; returns the counts' sum. */
    private static long closedOverPages(List<ForceCloseResult> pages, int pageSize) {
        long closed = 0;
        for (ForceCloseResult page : pages) {
            assertStatus(page.response(), 200, "Force Close page " + (pages.indexOf(page) + 1));
            assertNotNull(page.closed(), "every page must report x-ms-number-of-handles-closed");
            assertTrue(page.closed() <= pageSize, "a page closed " + page.closed() + " handles, more than the page size "
                    + pageSize);
            closed += page.closed();
        }
        return closed;
    }

    @CaseId("FCH-017")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(value = PageSizeCount.class, names = {"ONE_MORE_THAN_A_PAGE", "TWO_PAGES_AND_ONE"})
    void unfinishedCloseReturnsAMarker(PageSizeCount count, CaseContext ctx) {
        int pageSize = pageSize(ctx);
        int handles = count.handles(pageSize);
        TestShare share = ctx.newShare();
        String file = share.file("many.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).count(handles));

        ForceCloseResult first = forceClose(ctx, ForceCloseCall.on(share.name(), file).allHandles());

        assertStatus(first.response(), 200, "first Force Close * over " + handles + " handles");
        assertNotNull(first.closed(), "x-ms-number-of-handles-closed must be sent");
        assertTrue(first.closed() >= 1 && first.closed() <= pageSize,
                "the first call must close between 1 and " + pageSize + " handles, closed " + first.closed());
        assertNotNull(first.marker(), "handles remain open, so x-ms-marker must be returned");
        assertFalse(first.marker().isEmpty(), "x-ms-marker must not be empty while handles remain");
        assertEquals(handles - first.closed(), openOn(ctx, share, List.of(file)).size(),
                "the handles not counted as closed must still be listed");
    }

    @CaseId("FCH-024")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"bm90LWEtbWFya2Vy", "1!999!AAAA", "%%%", "-1"})
    void foreignMarkerIsRefused(String marker, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("target.txt");
        Set<String> ids = new TreeSet<>(open(ctx, share, file, 2));

        assertAllowedError(ctx, AnswerSet.ERROR_CODE, ctx.target().forceClose(
                ForceCloseCall.on(share.name(), file).allHandles().marker(marker)), 400,
                "Force Close * with the marker '" + marker + "' the target never issued");

        assertEquals(ids, openOn(ctx, share, List.of(file)), "a refused request must not close any handle");
    }

    /** The target's force-close page size, which only the provisioner can tell; without it paging cannot be set up. */
    private static int pageSize(CaseContext ctx) {
        var size = ctx.handles().forceClosePageSize();
        if (size.isEmpty()) {
            ctx.couldNotTest("the provisioner cannot tell how many handles the target closes per call");
        }
        return size.getAsInt();
    }
}
