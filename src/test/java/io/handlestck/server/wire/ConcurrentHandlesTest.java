package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.ForceCloseResult;
import io.handlestck.testsupport.HandleListing;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 2, "Scale and concurrency": 16 threads at once open handles through the fixture protocol,
 * force-close them by id and by recursive {@code *} with markers over overlapping directories, and page
 * through List Handles. Afterwards the counts reported by every close add up exactly to the handles
 * opened (each closed once, none lost), every handle's client sees {@code force-closed}, snapshot
 * handles were never touched, and no paged listing skipped a handle that stayed open or repeated one.
 *
 * <p>Bounded by counts, not by time; nothing here measures speed.
 */
class ConcurrentHandlesTest {

    private static final int PAGE_SIZE = 5;
    private static final List<String> FILES = List.of("a/f1.txt", "a/b/f2.txt", "a/b/f3.txt", "c/f4.txt", "g.txt");
    private static final List<String> DIRECTORIES = List.of("", "a", "a/b", "c");
    private static final int OPENERS = 4;
    private static final int OPEN_BATCHES = 30;
    private static final int ID_CLOSERS = 4;
    private static final int WILDCARD_CLOSERS = 4;
    private static final int CLOSE_ROUNDS = 40;
    private static final int LISTERS = 4;
    private static final int LISTINGS = 6;

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.forceClosePageSize(PAGE_SIZE));

    private final WireClient client = SERVER.client();
    private final String share = EmbeddedServer.newShareName();
    /** Every handle whose open call has returned, with its path. */
    private final Map<String, String> opened = new ConcurrentHashMap<>();
    private final Set<String> closedById = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reportedClosed = new AtomicInteger();
    private final AtomicInteger reportedFailed = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    private final CountDownLatch openersDone = new CountDownLatch(OPENERS);

    @Test
    void concurrentClosesAndListingsCountEveryHandleExactlyOnce() throws Exception {
        client.createTree(share, "a/", "a/b/", "c/", "a/f1.txt", "a/b/f2.txt", "a/b/f3.txt", "c/f4.txt", "g.txt");
        String snapshot = client.createSnapshot(share);
        List<String> snapshotHandles = client.openHandles(share, "a/b/f2.txt", snapshot, 7).stream().map(OpenedHandle::handleId).toList();

        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < OPENERS; i++) {
            tasks.add(opener(new Random(100 + i)));
        }
        for (int i = 0; i < ID_CLOSERS; i++) {
            tasks.add(idCloser(new Random(200 + i)));
        }
        for (int i = 0; i < WILDCARD_CLOSERS; i++) {
            tasks.add(wildcardCloser(new Random(300 + i)));
        }
        for (int i = 0; i < LISTERS; i++) {
            tasks.add(lister(new Random(400 + i)));
        }
        runTogether(tasks);

        ForceCloseResult last = client.forceCloseAll(Scope.root(share).recursively(), "*");
        reportedClosed.addAndGet(last.closed());
        System.out.printf("ConcurrentHandlesTest: %d threads; %d handles opened; %d closed by id; %d closed by the final sweep%n",
                tasks.size(), opened.size(), closedById.size(), last.closed());
        assertThat(violations).as("violations seen while running").isEmpty();
        assertThat(reportedFailed.get()).as("handles reported as failed to close").isZero();
        assertThat(reportedClosed.get()).as("closed counts of every call add up to the %d handles opened", opened.size())
                .isEqualTo(opened.size());
        for (String handleId : opened.keySet()) {
            assertThat(client.handleState(share, handleId)).as("client view of %s", handleId).isEqualTo("force-closed");
        }
        assertThat(client.listAllHandles(Scope.root(share).recursively(), null)).isEmpty();
        assertThat(client.listAllHandles(Scope.root(share).recursively().onSnapshot(snapshot), null))
                .extracting(ListedHandle::handleId).containsExactlyInAnyOrderElementsOf(snapshotHandles);
        for (String handleId : snapshotHandles) {
            assertThat(client.handleState(share, handleId)).isEqualTo("open");
        }
    }

    private Callable<Void> opener(Random random) {
        return () -> {
            try {
                for (int batch = 0; batch < OPEN_BATCHES; batch++) {
                    String path = random.nextBoolean() ? pick(random, FILES) : pick(random, DIRECTORIES);
                    for (OpenedHandle handle : client.openHandles(share, path, 1 + random.nextInt(5))) {
                        opened.put(handle.handleId(), path);
                    }
                }
            } finally {
                openersDone.countDown();
            }
            return null;
        };
    }

    /** Closes handles one id at a time, on the handle's own path or recursively from the root. */
    private Callable<Void> idCloser(Random random) {
        return () -> {
            int rounds = 0;
            while (rounds < CLOSE_ROUNDS) {
                // Mostly handles not yet closed by id; sometimes any, so that closing a closed handle again is tried too.
                boolean anyHandle = random.nextInt(4) == 0;
                List<Map.Entry<String, String>> known = opened.entrySet().stream()
                        .filter(entry -> anyHandle || !closedById.contains(entry.getKey())).toList();
                if (known.isEmpty()) {
                    if (openersDone.getCount() == 0) {
                        return null;
                    }
                    Thread.sleep(1); // nothing opened yet: wait for the openers instead of spending a round
                    continue;
                }
                rounds++;
                Map.Entry<String, String> target = pick(random, known);
                Scope scope = random.nextBoolean() ? Scope.of(share, target.getValue()) : Scope.root(share).recursively();
                ForceCloseResult result = client.forceClose(scope, target.getKey(), null);
                count(result);
                if (result.closed() > 1) {
                    violations.add("closing id " + target.getKey() + " reported " + result.closed() + " closed");
                }
                if (result.closed() == 1 && !closedById.add(target.getKey())) {
                    violations.add("handle " + target.getKey() + " was reported closed by id twice");
                }
            }
            return null;
        };
    }

    /** Closes everything under overlapping directories with {@code *}, following markers to the end. */
    private Callable<Void> wildcardCloser(Random random) {
        return () -> {
            for (int round = 0; round < CLOSE_ROUNDS / 4; round++) {
                String directory = pick(random, DIRECTORIES);
                Scope scope = random.nextInt(3) == 0 ? Scope.of(share, directory) : Scope.of(share, directory).recursively();
                String marker = null;
                int calls = 0;
                do {
                    ForceCloseResult page = client.forceClose(scope, "*", marker);
                    count(page);
                    if (page.closed() > PAGE_SIZE) {
                        violations.add("one call closed " + page.closed() + " handles, more than the page size " + PAGE_SIZE);
                    }
                    marker = page.marker();
                    if (++calls > 10_000) {
                        violations.add("force-close paging of " + scope + " did not end");
                        break;
                    }
                } while (marker != null);
            }
            return null;
        };
    }

    /**
     * Pages through a recursive listing with small pages. A handle opened before the listing started that is
     * still open after it ended was open the whole time, so the listing must contain it; no id may appear twice.
     */
    private Callable<Void> lister(Random random) {
        return () -> {
            for (int listing = 0; listing < LISTINGS; listing++) {
                Set<String> openedBefore = new HashSet<>(opened.keySet());
                Set<String> seen = new HashSet<>();
                String marker = null;
                do {
                    HandleListing page = client.listHandles(Scope.root(share).recursively(), 1 + random.nextInt(10), marker);
                    for (String id : page.handleIds()) {
                        if (!seen.add(id)) {
                            violations.add("listing returned handle " + id + " twice");
                        }
                    }
                    marker = page.nextMarker();
                } while (marker != null);
                for (String id : openedBefore) {
                    if (!seen.contains(id) && !closedById.contains(id) && client.handleState(share, id).equals("open")) {
                        violations.add("listing skipped handle " + id + " that stayed open");
                    }
                }
            }
            return null;
        };
    }

    private void count(ForceCloseResult result) {
        reportedClosed.addAndGet(result.closed());
        reportedFailed.addAndGet(result.failed() == null ? 0 : result.failed());
    }

    /** Starts every task at the same moment and rethrows the first failure; the generous wait only guards against a hang. */
    private static void runTogether(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
