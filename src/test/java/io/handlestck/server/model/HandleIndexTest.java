package io.handlestck.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.server.http.ServiceError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The handle index: scopes as contiguous ranges, paging by position, and closing exactly once under contention. */
class HandleIndexTest {

    private static final HandleSpec ONE = new HandleSpec(1, "10.0.0.5:49152", "host1", 7, AccessRights.of(List.of("Read")));

    private final Account account = new Account("devstoreaccount1");
    private final Namespace live = account.createShare("s").live();

    private List<Handle> open(String path, int count) {
        List<String> segments = path.isEmpty() ? List.of() : List.of(path.split("/"));
        return live.open(segments, new HandleSpec(count, ONE.clientIp(), ONE.clientName(), ONE.sessionId(), ONE.accessRights()));
    }

    private Node node(String path) {
        return live.require(path.isEmpty() ? List.of() : List.of(path.split("/")));
    }

    private Set<Long> ids(List<Handle> handles) {
        Set<Long> ids = new HashSet<>();
        handles.forEach(handle -> ids.add(handle.id()));
        return ids;
    }

    /** Names sharing a prefix ("a", "a b", "a.txt", "ab") must never leak into each other's subtree. */
    private void prefixTree() {
        live.createDirectory(List.of("a"));
        live.createDirectory(List.of("a", "sub"));
        live.createFile(List.of("a", "sub", "f"), 0);
        live.createDirectory(List.of("a b"));
        live.createFile(List.of("a.txt"), 0);
        live.createDirectory(List.of("ab"));
    }

    @Test
    void aDirectorysOwnScopeHoldsOnlyItsOwnHandles() {
        prefixTree();
        List<Handle> onA = open("a", 2);
        open("a/sub", 1);
        open("a/sub/f", 3);
        open("a b", 1);
        open("a.txt", 1);
        open("ab", 1);
        open("", 1);

        List<Handle> listed = live.handles().list(HandleIndex.Scope.own(node("a")), null, 100).handles();

        assertThat(ids(listed)).isEqualTo(ids(onA));
    }

    @Test
    void aSubtreeScopeHoldsTheDirectoryAndEveryDescendantAndNothingBeside() {
        prefixTree();
        Set<Long> expected = new HashSet<>();
        expected.addAll(ids(open("a", 2)));
        expected.addAll(ids(open("a/sub", 1)));
        expected.addAll(ids(open("a/sub/f", 3)));
        open("a b", 1);
        open("a.txt", 1);
        open("ab", 1);
        open("", 1);

        List<Handle> listed = live.handles().list(HandleIndex.Scope.subtree(node("a")), null, 100).handles();

        assertThat(ids(listed)).isEqualTo(expected);
    }

    @Test
    void theRootSubtreeHoldsEveryHandleOfTheShare() {
        prefixTree();
        int opened = open("", 1).size() + open("a/sub/f", 3).size() + open("ab", 2).size() + open("a.txt", 1).size();

        assertThat(live.handles().list(HandleIndex.Scope.subtree(node("")), null, 100).handles()).hasSize(opened);
        assertThat(live.handles().list(HandleIndex.Scope.own(node("")), null, 100).handles()).hasSize(1);
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        prefixTree();
        Set<Long> opened = ids(open("a/sub/f", 7));
        opened.addAll(ids(open("a", 5)));
        HandleIndex.Scope scope = HandleIndex.Scope.subtree(node("a"));

        List<Handle> seen = new ArrayList<>();
        Handle from = null;
        int pages = 0;
        do {
            HandleIndex.Page page = live.handles().list(scope, from, 3);
            seen.addAll(page.handles());
            from = page.next();
            pages++;
        } while (from != null);

        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(12);
        assertThat(ids(seen)).isEqualTo(opened);
    }

    @Test
    void aMarkerStillFindsTheNextHandleWhenTheOneItNamedWasClosed() {
        live.createFile(List.of("f"), 0);
        open("f", 5);
        HandleIndex.Scope scope = HandleIndex.Scope.own(node("f"));
        HandleIndex.Page first = live.handles().list(scope, null, 2);
        assertThat(live.handles().forceClose(first.next())).isTrue();

        HandleIndex.Page rest = live.handles().list(scope, first.next(), 10);

        assertThat(rest.handles()).hasSize(2).doesNotContain(first.next());
        assertThat(rest.next()).isNull();
    }

    @Test
    void aForceClosePageClosesAtMostItsSizeAndPointsAtTheNextOpenHandle() {
        live.createFile(List.of("f"), 0);
        open("f", 5);
        HandleIndex.Scope scope = HandleIndex.Scope.own(node("f"));

        HandleIndex.Page page = live.handles().forceClose(scope, null, 2);

        assertThat(page.handles()).hasSize(2).allSatisfy(handle -> assertThat(handle.state()).isEqualTo(Handle.State.FORCE_CLOSED));
        assertThat(page.next()).isNotNull();
        assertThat(page.next().isOpen()).isTrue();
        assertThat(live.handles().size()).isEqualTo(3);
    }

    @Test
    void aHandleClosesOnceWhoeverTriesFirst() {
        live.createFile(List.of("f"), 0);
        Handle handle = open("f", 1).get(0);

        assertThat(live.handles().clientClose(handle)).isTrue();
        assertThat(live.handles().forceClose(handle)).isFalse();
        assertThat(handle.state()).isEqualTo(Handle.State.CLOSED);
        assertThat(account.handle(handle.id())).as("a closed handle stays findable for its client").isSameAs(handle);
    }

    @Test
    void openHandlesBlockDeleteAndRenameUntilForceClosed() {
        live.createDirectory(List.of("d"));
        live.createFile(List.of("d", "f"), 0);
        Handle handle = open("d/f", 1).get(0);

        assertThatThrownBy(() -> live.delete(List.of("d", "f"), false))
                .isInstanceOfSatisfying(ServiceError.class, error -> assertThat(error.code()).isEqualTo("SharingViolation"));
        assertThatThrownBy(() -> live.rename(List.of("d"), List.of("e"), false))
                .isInstanceOfSatisfying(ServiceError.class, error -> assertThat(error.code()).isEqualTo("SharingViolation"));
        live.handles().forceClose(handle);

        assertThat(live.rename(List.of("d"), List.of("e"), false).path()).isEqualTo("e");
        live.delete(List.of("e", "f"), false);
        assertThat(live.find(List.of("e", "f"))).isNull();
    }

    /**
     * Sixteen threads force-close and list the same subtree page by page while others open more:
     * every handle is closed exactly once, and the counts add up to what was opened.
     */
    @Test
    void concurrentForceClosesCountEveryHandleExactlyOnce() throws Exception {
        live.createDirectory(List.of("d"));
        for (int i = 0; i < 8; i++) {
            live.createFile(List.of("d", "f" + i), 0);
        }
        AtomicLong opened = new AtomicLong();
        for (int i = 0; i < 8; i++) {
            opened.addAndGet(open("d/f" + i, 500).size());
        }
        HandleIndex.Scope scope = HandleIndex.Scope.subtree(node("d"));
        Set<Long> closedIds = ConcurrentHashMap.newKeySet();
        AtomicLong closedCount = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            work.add(threads.submit(() -> {
                start.await();
                for (int round = 0; round < 20; round++) {
                    if (thread % 4 == 0) {
                        opened.addAndGet(open("d/f" + (round % 8), 10).size());
                    } else if (thread % 4 == 1) {
                        live.handles().list(scope, null, 50);
                    }
                    Handle from = null;
                    do {
                        HandleIndex.Page page = live.handles().forceClose(scope, from, 37);
                        for (Handle handle : page.handles()) {
                            closedCount.incrementAndGet();
                            if (!closedIds.add(handle.id())) {
                                duplicates.incrementAndGet();
                            }
                        }
                        from = page.next();
                    } while (from != null);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        HandleIndex.Page rest = live.handles().forceClose(scope, null, Integer.MAX_VALUE);
        closedCount.addAndGet(rest.handles().size());

        assertThat(duplicates.get()).isZero();
        assertThat(closedCount.get()).isEqualTo(opened.get());
        assertThat(live.handles().size()).isZero();
    }

    /**
     * A force close that walked a node's set to its end swaps in an empty one: an open landing in the old
     * set at that moment must still reach the index, or no later close could ever close it.
     */
    @Test
    void anOpenRacingTheCloseOfItsWholeNodeIsNeverLost() throws Exception {
        live.createFile(List.of("f"), 0);
        HandleIndex.Scope scope = HandleIndex.Scope.own(node("f"));
        List<Handle> opened = new ArrayList<>();
        AtomicLong closedCount = new AtomicLong();
        CountDownLatch opening = new CountDownLatch(1);
        ExecutorService closer = Executors.newSingleThreadExecutor();
        Future<?> closing = closer.submit(() -> {
            while (opening.getCount() > 0) {
                closedCount.addAndGet(live.handles().forceClose(scope, null, Integer.MAX_VALUE).handles().size());
            }
            return null;
        });
        for (int round = 0; round < 20_000; round++) {
            opened.addAll(open("f", 1 + round % 3));
        }
        opening.countDown();
        closing.get(60, TimeUnit.SECONDS);
        closer.shutdown();
        closedCount.addAndGet(live.handles().forceClose(scope, null, Integer.MAX_VALUE).handles().size());

        assertThat(opened).allSatisfy(handle -> assertThat(handle.isOpen()).as("handle %d", handle.id()).isFalse());
        assertThat(closedCount.get()).isEqualTo(opened.size());
        assertThat(live.handles().size()).isZero();
    }

    /** Nodes keep their (emptied) sets: a page must pass them, resume at a position inside one, and see later opens on them. */
    @Test
    void nodesWhoseHandlesAreAllClosedArePassedResumedInAndOpenedAgain() {
        live.createDirectory(List.of("d"));
        for (String file : List.of("a", "b", "c")) {
            live.createFile(List.of("d", file), 0);
        }
        // c's handle is opened first: its id is below a's, so a resumed page must not carry a's position into c.
        List<Handle> onC = open("d/c", 1);
        List<Handle> onA = new ArrayList<>(open("d/a", 2));
        onA.sort(Handle.ID_ORDER);
        List<Handle> onB = open("d/b", 3);
        HandleIndex.Scope subtree = HandleIndex.Scope.subtree(node("d"));
        HandleIndex.Page firstOfB = live.handles().forceClose(HandleIndex.Scope.own(node("d/b")), null, 1);
        live.handles().forceClose(HandleIndex.Scope.own(node("d/b")), null, 10);

        HandleIndex.Page resumedInB = live.handles().list(subtree, firstOfB.last().positionAfter(), 10);
        assertThat(ids(resumedInB.handles())).isEqualTo(ids(onC));
        assertThat(live.handles().openAfter(subtree, onA.get(1))).isSameAs(onC.get(0));

        List<Handle> reopened = open("d/b", 1);
        List<Handle> expected = new ArrayList<>(onA);
        expected.addAll(reopened);
        expected.addAll(onC);
        assertThat(live.handles().list(subtree, null, 10).handles()).containsExactlyElementsOf(expected);
        assertThat(live.handles().list(subtree, onA.get(0).positionAfter(), 10).handles())
                .containsExactly(onA.get(1), reopened.get(0), onC.get(0));
        assertThat(live.handles().size()).isEqualTo(onA.size() + reopened.size() + onC.size());
        assertThat(onB).allSatisfy(handle -> assertThat(handle.isOpen()).isFalse());
    }
}
