package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertClosed;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.listed;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOn;
import static io.handlestck.kit.cases.CaseSupport.openOne;
import static io.handlestck.kit.cases.CaseSupport.openTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.cases.CaseSupport.HandleTree;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ForceCloseResult;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.provision.HandleRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Force Close Handles ({@code suites/force-close-handles.yaml}): which handles a call closes, what it
 * reports, how it pages, how it treats snapshots and bad input. What stays open is read back with
 * List Handles of the whole share, so a close that overreaches is caught as surely as one that falls
 * short.
 */
@HandlesTckCases
public class ForceCloseHandlesCases {

    /** Directory-like targets paired with the two ways of not asking for recursion. */
    static Stream<Arguments> directoriesWithoutRecursion() {
        return Stream.of(
                Arguments.of(Resource.DIRECTORY, NoRecursion.ABSENT),
                Arguments.of(Resource.DIRECTORY, NoRecursion.FALSE),
                Arguments.of(Resource.SHARE_ROOT, NoRecursion.ABSENT),
                Arguments.of(Resource.SHARE_ROOT, NoRecursion.FALSE));
    }

    @CaseId("FCH-001")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void singleIdClosesOnlyThatHandle(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        List<String> ids = open(ctx, share, path, 3);
        String victim = ids.get(1);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).handleId(victim)), 1,
                "Force Close of handle " + victim + " on " + resource);

        Set<String> expected = new TreeSet<>(ids);
        expected.remove(victim);
        assertEquals(expected, listed(ctx, ListHandlesCall.on(share.name(), path)),
                "after closing " + victim + " the other handles of the " + resource + " must stay listed");
    }

    @CaseId("FCH-002")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 3})
    void wildcardClosesEveryHandleOfAFile(int handles, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("dir/target.txt");
        String sibling = share.file("dir/sibling.txt");
        open(ctx, share, file, handles);
        Set<String> untouched = new TreeSet<>(open(ctx, share, sibling, 1));
        untouched.add(openOne(ctx, share, "dir"));

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), file).allHandles()), handles,
                "Force Close * on a file with " + handles + " handle(s)");

        assertEquals(untouched, openOn(ctx, share, List.of(file, sibling, "dir")),
                "only the handles of the file may be closed; its sibling's and its directory's stay open");
    }

    @CaseId("FCH-003")
    @ParameterizedTest(name = CaseNames.RESOURCE_AND_NAMED_VARIANT)
    @MethodSource("directoriesWithoutRecursion")
    void wildcardWithoutRecursionClosesOnlyTheDirectorysOwnHandles(Resource resource, NoRecursion recursive,
                                                                   CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree tree = openTree(ctx, share, resource == Resource.SHARE_ROOT ? "" : "tree", 2);
        ForceCloseCall call = ForceCloseCall.on(share.name(), tree.base()).allHandles().recursive(recursive.header());

        assertClosed(forceClose(ctx, call), tree.own().size(),
                "Force Close * on the " + resource + " with x-ms-recursive " + recursive);

        Set<String> expected = tree.descendantIds();
        expected.addAll(tree.outsideIds());
        assertEquals(expected, openOn(ctx, share, tree.allPaths().values()),
                "without recursion the handles beneath the " + resource + " must stay open");
    }

    @CaseId("FCH-004")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 2, 4})
    void recursiveWildcardClosesEveryDescendant(int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree tree = openTree(ctx, share, "tree", depth);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), "tree").allHandles().recursive(true)),
                tree.ownAndDescendantIds().size(), "recursive Force Close * on a directory " + depth + " level(s) deep");

        assertEquals(tree.outsideIds(), openOn(ctx, share, tree.allPaths().values()),
                "a recursive close must close everything beneath the directory and nothing outside it ("
                        + tree.outside().values() + ")");
    }

    @CaseId("FCH-005")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {0, 1, 3})
    void recursiveWildcardOnTheRootClosesTheWholeShare(int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        HandleTree tree = openTree(ctx, share, "", depth);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), "").allHandles().recursive(true)),
                tree.ownAndDescendantIds().size(), "recursive Force Close * on the share root");

        assertEquals(Set.of(), openOn(ctx, share, tree.allPaths().values()), "no handle may stay open in the share");
    }

    @CaseId("FCH-006")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void unknownIdClosesNothing(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        Set<String> ids = new TreeSet<>(open(ctx, share, path, 2));
        for (String unknown : List.of("1", "18446744073709551615")) {
            if (ids.contains(unknown)) {
                continue;
            }
            assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).handleId(unknown)), 0,
                    "Force Close of the unknown id " + unknown + " on the " + resource);
        }
        assertEquals(ids, listed(ctx, ListHandlesCall.on(share.name(), path)),
                "an unknown id must leave the " + resource + "'s handles open");
    }

    @CaseId("FCH-007")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void unknownIdReportsZeroFailed(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        ForceCloseResult result = assertClosed(
                forceClose(ctx, ForceCloseCall.on(share.name(), resource.create(share)).handleId("1")), 0,
                "Force Close of the unknown id 1 on the " + resource);
        assertEquals(Long.valueOf(0), result.failed(), "x-ms-number-of-handles-failed must be 0, was "
                + result.response().getHeader("x-ms-number-of-handles-failed"));
    }

    @CaseId("FCH-008")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void wildcardWithoutHandlesClosesNothingAndEnds(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        ForceCloseResult result = assertClosed(
                forceClose(ctx, ForceCloseCall.on(share.name(), resource.create(share)).allHandles()), 0,
                "Force Close * on a " + resource + " without handles");
        assertNull(result.marker(), "x-ms-marker must be absent when nothing remains, was '" + result.marker() + "'");
    }

    @CaseId("FCH-014")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2018-11-09", "2019-02-02", "2019-07-07", "2021-06-08", "2024-05-04"})
    void failedCountIsSentFrom20190707(String version, CaseContext ctx) {
        TestShare share = ctx.newShare();
        ForceCloseResult result = forceClose(ctx, ForceCloseCall.on(share.name(), share.file("target.txt"))
                .handleId("1").header("x-ms-version", version));
        assertClosed(result, 0, "Force Close at x-ms-version " + version);
        String failed = result.response().getHeader("x-ms-number-of-handles-failed");
        if (version.compareTo("2019-07-07") >= 0) {
            assertEquals("0", failed, "from 2019-07-07 x-ms-number-of-handles-failed must be sent");
        } else {
            assertNull(failed, "before 2019-07-07 x-ms-number-of-handles-failed did not exist");
        }
    }

    @CaseId("FCH-015")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void successHasAnEmptyBody(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        open(ctx, share, path, 1);
        ForceCloseResult result = assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).allHandles()), 1,
                "Force Close * on the " + resource);
        assertEquals(0, result.response().asByteArray().length,
                "the body must be empty, was '" + result.response().asString() + "'");
    }

    @CaseId("FCH-018")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void snapshotHandlesAreClosedOnlyWithSharesnapshot(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String snapshot = share.snapshot();
        Set<String> live = new TreeSet<>(open(ctx, share, path, 1));
        ctx.handles().open(HandleRequest.on(share.name(), path).snapshot(snapshot).count(2));

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).allHandles().snapshot(snapshot)), 2,
                "Force Close * on the " + resource + " of snapshot " + snapshot);

        assertEquals(Set.of(), openOn(ctx, share, snapshot, List.of(path)), "the snapshot's handles must be closed");
        assertEquals(live, openOn(ctx, share, List.of(path)), "the live share's handles must stay open");
    }

    @CaseId("FCH-019")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void liveCloseLeavesSnapshotHandlesOpen(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String snapshot = share.snapshot();
        open(ctx, share, path, 2);
        Set<String> onSnapshot = new TreeSet<>(CaseSupport.ids(
                ctx.handles().open(HandleRequest.on(share.name(), path).snapshot(snapshot))));

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).allHandles()), 2,
                "Force Close * on the live " + resource);

        assertEquals(Set.of(), openOn(ctx, share, List.of(path)), "the live handles must be closed");
        assertEquals(onSnapshot, openOn(ctx, share, snapshot, List.of(path)), "the snapshot's handle must stay open");
    }

    @CaseId("FCH-023")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void closingAClosedHandleAgainClosesNothing(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        List<String> ids = open(ctx, share, path, 2);
        ForceCloseCall closeFirst = ForceCloseCall.on(share.name(), path).handleId(ids.get(0));

        assertClosed(forceClose(ctx, closeFirst), 1, "first Force Close of " + ids.get(0));
        assertClosed(forceClose(ctx, closeFirst), 0, "second Force Close of the same id " + ids.get(0));

        assertEquals(Set.of(ids.get(1)), listed(ctx, ListHandlesCall.on(share.name(), path)),
                "the other handle must stay open");
    }
}
