package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedStatus;
import static io.handlestck.kit.cases.CaseSupport.assertClosed;
import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.ids;
import static io.handlestck.kit.cases.CaseSupport.listed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ForceCloseResult;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.provision.ClientView;
import io.handlestck.kit.provision.ClientView.Probe;
import io.handlestck.kit.provision.HandleRequest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's view ({@code suites/client-view.yaml}): Force Close Handles judged by what the SMB
 * client that held the handle sees on its next I/O. The provisioner is that client
 * ({@code smb-client}); the NT status it saw is in every failure message.
 */
@HandlesTckCases
public class ClientViewCases {

    @CaseId("CV-001")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void forceClosedHandleFailsItsClientsNextIo(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        ClientView client = client(ctx);
        List<String> mine = ids(ctx.handles().open(HandleRequest.on(share.name(), path).count(2)));
        String otherSession = ids(client.openInNewSession(HandleRequest.on(share.name(), path))).get(0);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).handleId(mine.get(0))), 1,
                "Force Close of handle " + mine.get(0));

        assertFails(client.probe(share.name(), mine.get(0)), "the force-closed handle " + mine.get(0));
        assertWorks(client.probe(share.name(), mine.get(1)), "the other handle of the same session");
        assertWorks(client.probe(share.name(), otherSession), "the handle of another session");
    }

    @CaseId("CV-002")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Resource.class, names = {"FILE", "DIRECTORY"})
    void theStatusAfterAForceCloseSaysTheHandleIsGone(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String id = ids(ctx.handles().open(HandleRequest.on(share.name(), path))).get(0);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).allHandles()), 1, "Force Close * on the "
                + resource);

        assertGone(ctx, client(ctx).probe(share.name(), id), "the force-closed handle " + id);
    }

    @CaseId("CV-003")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 3})
    void recursiveCloseFailsEveryClientBeneath(int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        CaseSupport.HandleTree tree = CaseSupport.openTree(ctx, share, "tree", depth);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), "tree").allHandles().recursive(true)),
                tree.ownAndDescendantIds().size(), "recursive Force Close * on a directory " + depth + " level(s) deep");

        ClientView client = client(ctx);
        for (String id : tree.ownAndDescendantIds()) {
            assertFails(client.probe(share.name(), id), "handle " + id + " on '" + tree.allPaths().get(id) + "'");
        }
        for (String id : tree.outsideIds()) {
            assertWorks(client.probe(share.name(), id), "handle " + id + " outside the directory");
        }
    }

    @CaseId("CV-004")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 2})
    void recursiveCloseOfTheShareRootFailsEveryClient(int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        CaseSupport.HandleTree tree = CaseSupport.openTree(ctx, share, "", depth);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), "").allHandles().recursive(true)),
                tree.ownAndDescendantIds().size(), "recursive Force Close * on the share root");

        ClientView client = client(ctx);
        for (String id : tree.ownAndDescendantIds()) {
            assertFails(client.probe(share.name(), id), "handle " + id + " on '" + tree.allPaths().get(id) + "'");
        }
    }

    @CaseId("CV-005")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Resource.class, names = {"FILE", "DIRECTORY"})
    void snapshotCloseEndsOnlyTheSnapshotsOpens(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String snapshot = share.snapshot();
        String live = ids(ctx.handles().open(HandleRequest.on(share.name(), path))).get(0);
        List<String> onSnapshot = ids(ctx.handles().open(HandleRequest.on(share.name(), path).snapshot(snapshot)
                .count(2)));

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).allHandles().snapshot(snapshot)), 2,
                "Force Close * on the " + resource + " of snapshot " + snapshot);

        ClientView client = client(ctx);
        for (String id : onSnapshot) {
            assertFails(client.probe(share.name(), id), "snapshot handle " + id);
        }
        assertWorks(client.probe(share.name(), live), "the live share's handle " + live);
    }

    @CaseId("CV-006")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(value = PageSizeCount.class, names = {"ONE_MORE_THAN_A_PAGE", "TWO_PAGES_AND_ONE"})
    void pagedCloseEndsEveryClientsHandle(PageSizeCount count, CaseContext ctx) {
        var size = ctx.handles().forceClosePageSize();
        if (size.isEmpty()) {
            ctx.couldNotTest("no Force Close answered x-ms-marker within 2,000 handles on one file, so paging cannot"
                    + " be set up");
        }
        int handles = count.handles(size.getAsInt());
        TestShare share = ctx.newShare();
        String file = share.file("many.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).count(handles));

        List<ForceCloseResult> pages = ctx.target().forceCloseAll(ForceCloseCall.on(share.name(), file).allHandles());

        assertTrue(pages.size() >= 2, "closing " + handles + " handles with page size " + size.getAsInt()
                + " must take several calls, took " + pages.size());
        List<Probe> probes = client(ctx).probeEvery(share.name(), file, null);
        assertEquals(handles, probes.size(), "the client holds every handle it opened");
        List<Probe> stillWorking = probes.stream().filter(Probe::succeeded).toList();
        assertEquals(0, stillWorking.size(), stillWorking.size() + " of the " + handles
                + " handles still work for their client after every marker was followed");
    }

    @CaseId("CV-007")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void handleItsClientClosedLeavesTheListing(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        List<String> mine = ids(ctx.handles().open(HandleRequest.on(share.name(), path).count(2)));

        ctx.handles().closeAsClient(share.name(), mine.get(0));

        assertEquals(Set.of(mine.get(1)), listed(ctx, ListHandlesCall.on(share.name(), path)),
                "after the client closed handle " + mine.get(0) + " over SMB only its other handle may be listed");
        assertWorks(client(ctx).probe(share.name(), mine.get(1)), "the handle the client kept");
    }

    @CaseId("CV-013")
    @Test
    void forceCloseOfADeleteOnCloseOpenEndsItWhetherOrNotTheFileGoes(CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("dir/pending-delete.txt");
        String id = ids(ctx.handles().open(HandleRequest.on(share.name(), file).accessRights("Read", "Delete")
                .deleteOnClose(true))).get(0);

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), file).handleId(id)), 1,
                "Force Close of the delete-on-close handle " + id);

        Probe probe = client(ctx).probe(share.name(), id);
        assertGone(ctx, probe, "the force-closed delete-on-close handle " + id);
        Response properties = ctx.target().request().head(ctx.target().url(share.name(), file));
        if (properties.getStatusCode() == 404) {
            assertEquals(Set.of(), listed(ctx, ListHandlesCall.on(share.name(), "dir").recursive(true)),
                    "the force close deleted '" + file + "'; no handle may be listed under its directory");
            ctx.recordOutcome("the force close deleted the delete-on-close file (the client's " + probe.operation()
                    + " then answered " + probe.statusHex() + ")");
            return;
        }
        assertEquals(200, properties.getStatusCode(), "after the force close the file must either exist (200) or be"
                + " gone (404): Get File Properties answered " + describe(properties));
        assertEquals(Set.of(), listed(ctx, ListHandlesCall.on(share.name(), file)), "the force close kept '" + file
                + "'; it must be listed without handles");
        Response deleted = ctx.target().deleteFile(share.name(), file);
        assertTrue(deleted.getStatusCode() / 100 == 2, "the force close kept '" + file + "' without handles, so REST"
                + " must delete it; Delete File answered " + describe(deleted));
        ctx.recordOutcome("the force close kept the delete-on-close file, which REST then deleted (the client's "
                + probe.operation() + " answered " + probe.statusHex() + ")");
    }

    @CaseId("CV-008")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(FileChange.class)
    void heldHandleBlocksUntilForceClosed(FileChange operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        if (operation == FileChange.RENAME) {
            String probe = share.file("probe.txt");
            Response renamed = ctx.target().rename(share.name(), probe, "probe-renamed.txt", false);
            if (renamed.getStatusCode() / 100 != 2) {
                ctx.notImplemented("the target does not rename a file without handles: " + describe(renamed));
            }
        }
        String file = share.file("dir/held.txt");
        String id = ids(ctx.handles().open(HandleRequest.on(share.name(), file))).get(0);

        assertAllowedStatus(ctx, AnswerSet.BLOCKED_STATUS, operation.send(ctx, share, file),
                "REST " + operation + " while an SMB client holds the file open");
        assertWorks(client(ctx).probe(share.name(), id), "the client's handle after the refused " + operation);
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), file).handleId(id)), 1, "Force Close of " + id);
        Response after = operation.send(ctx, share, file);
        assertTrue(after.getStatusCode() / 100 == 2, "REST " + operation + " after the force close must succeed, answered "
                + describe(after));
        assertFails(client(ctx).probe(share.name(), id), "the force-closed handle " + id);
    }

    /** The REST changes an open handle on a file blocks (CV-008); the names are what reports show as the variant. */
    enum FileChange {
        DELETE("delete"),
        RENAME("rename");

        private final String label;

        FileChange(String label) {
            this.label = label;
        }

        Response send(CaseContext ctx, TestShare share, String file) {
            return this == DELETE ? ctx.target().deleteFile(share.name(), file)
                    : ctx.target().rename(share.name(), file, "dir/renamed.txt", false);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The provisioner as the SMB client it is; the gate guarantees it for every smb-client case. */
    static ClientView client(CaseContext ctx) {
        return ctx.handles().clientView().orElseGet(() -> {
            ctx.couldNotTest("provisioner " + ctx.handles().name() + " is not an SMB client");
            return null;
        });
    }

    /** The probe failed with a status of the entry's {@code goneStatus} set, which the message quotes. */
    static void assertGone(CaseContext ctx, Probe probe, String what) {
        assertFails(probe, what);
        List<String> gone = ctx.entry().allowed(AnswerSet.GONE_STATUS);
        assertTrue(gone.contains(probe.statusHex()), "after the force close the client's " + probe.operation() + " on "
                + what + " answered " + probe.statusHex() + ", not one of the statuses meaning the handle is gone " + gone);
    }

    static void assertFails(Probe probe, String what) {
        assertFalse(probe.succeeded(), "the client's " + probe.operation() + " on " + what
                + " must fail after the force close, and succeeded");
    }

    static void assertWorks(Probe probe, String what) {
        if (!probe.succeeded()) {
            fail("the client's " + probe.operation() + " on " + what + " must still work, and failed with "
                    + probe.statusHex());
        }
    }
}
