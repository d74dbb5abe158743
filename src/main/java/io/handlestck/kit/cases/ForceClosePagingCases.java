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
 * page size, every handle closed exactly once.
 */
@HandlesTckCases
public class ForceClosePagingCases {

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

        long closed = 0;
        for (ForceCloseResult page : pages) {
            assertStatus(page.response(), 200, "Force Close page " + (pages.indexOf(page) + 1));
            assertNotNull(page.closed(), "every page must report x-ms-number-of-handles-closed");
            assertTrue(page.closed() <= pageSize, "a page closed " + page.closed() + " handles, more than the page size "
                    + pageSize);
            closed += page.closed();
        }
        assertEquals(handles, closed, "the closed counts of " + pages.size() + " call(s) must add up to the "
                + handles + " handles opened (page size " + pageSize + ")");
        assertEquals(Set.of(), openOn(ctx, share, List.of(file)), "no handle may be left open once x-ms-marker is absent");
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
