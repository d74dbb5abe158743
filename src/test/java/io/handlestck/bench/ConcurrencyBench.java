package io.handlestck.bench;

import io.handlestck.server.ReferenceServer;
import io.handlestck.testsupport.ForceCloseResult;
import io.handlestck.testsupport.HandleListing;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrency: 16 threads on one share for a fixed time — 4 open handles in batches, 6 force-close
 * {@code *} on overlapping directories (recursive, following markers), 3 close single ids (also
 * ids already closed by someone else), 3 list recursively with small pages — then one final sweep.
 * Correctness: every handle opened is reported closed exactly once across all calls (the sum of
 * {@code x-ms-number-of-handles-closed} equals the number opened), nothing is left listed, a sample
 * of handles reads {@code force-closed} through the fixture protocol, and no listing walk saw a
 * handle twice. Throughput: calls per second with 16 threads against the same mix on one thread.
 *
 * <p>Usage: {@code ConcurrencyBench FIGURES_FILE [seconds]} (default 10).
 */
public final class ConcurrencyBench {

    static final String SHARE = "contended";
    static final int DIRS = 4;
    static final int SUBDIRS = 4;
    static final int FILES = 8;
    static final int BATCH = 20;
    static final int THREADS = 16;

    private final WireClient client;
    private final List<String> directories = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final ConcurrentLinkedQueue<String[]> openedIds = new ConcurrentLinkedQueue<>();
    private final List<String[]> sampledIds = new ArrayList<>();
    private final LongAdder opened = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder duplicateListings = new LongAdder();

    private ConcurrencyBench(WireClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        Figures figures = new Figures(Path.of(args[0]));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        // The single-thread run first also warms the JIT for the contended one.
        Outcome serial = run(1, seconds / 2);
        Outcome contended = run(THREADS, seconds);
        for (Outcome outcome : List.of(serial, contended)) {
            String prefix = "concurrency.t" + outcome.threads + ".";
            figures.put(prefix + "seconds", outcome.seconds);
            figures.put(prefix + "calls", outcome.calls);
            figures.put(prefix + "calls_per_s", outcome.calls / outcome.seconds);
            figures.put(prefix + "opened", outcome.opened);
            figures.put(prefix + "closed", outcome.closed);
            figures.put(prefix + "failed", outcome.failed);
            figures.put(prefix + "left_listed", outcome.leftListed);
            figures.put(prefix + "sample_not_force_closed", outcome.sampleNotForceClosed);
            figures.put(prefix + "duplicate_listings", outcome.duplicateListings);
            figures.put(prefix + "counts_add_up", Boolean.toString(outcome.countsAddUp()));
        }
        figures.put("concurrency.throughput_ratio", (contended.calls / contended.seconds) / (serial.calls / serial.seconds));
        if (!contended.countsAddUp() || !serial.countsAddUp()) {
            System.err.println("concurrency: the counts do not add up (see the figures above)");
            System.exit(1);
        }
    }

    private record Outcome(int threads, double seconds, long calls, long opened, long closed, long failed,
                           long leftListed, long sampleNotForceClosed, long duplicateListings) {
        boolean countsAddUp() {
            return opened == closed && failed == 0 && leftListed == 0 && sampleNotForceClosed == 0 && duplicateListings == 0;
        }
    }

    private static Outcome run(int threads, int seconds) throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().port(0).build().start()) {
            ConcurrencyBench bench = new ConcurrencyBench(WireClient.of(server));
            bench.createTree();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Runnable> roles = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                roles.add(bench.role(threads == 1 ? -1 : i, deadline));
            }
            CountDownLatch done = new CountDownLatch(threads);
            List<Throwable> errors = new ArrayList<>();
            long start = System.nanoTime();
            for (Runnable role : roles) {
                Thread thread = new Thread(() -> {
                    try {
                        role.run();
                    } catch (Throwable e) {
                        synchronized (errors) {
                            errors.add(e);
                        }
                    } finally {
                        done.countDown();
                    }
                });
                thread.start();
            }
            done.await();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (!errors.isEmpty()) {
                throw new IllegalStateException("a worker failed", errors.get(0));
            }
            long callsDuringLoad = bench.calls.sum();
            bench.closeEverything("");
            return new Outcome(threads, elapsed, callsDuringLoad, bench.opened.sum(), bench.closed.sum(), bench.failed.sum(),
                    bench.countListed(), bench.sampleNotForceClosed(), bench.duplicateListings.sum());
        }
    }

    /** Thread i's job: 0-3 open, 4-9 close *, 10-12 close ids, 13-15 list; with one thread, all four in turn. */
    private Runnable role(int index, long deadline) {
        return () -> {
            long round = 0;
            while (System.nanoTime() < deadline && ++round < 1_000_000) {
                int job = index >= 0 ? index : (int) (round % THREADS);
                if (job < 4) {
                    openBatch();
                } else if (job < 10) {
                    closeEverything(randomDirectory());
                } else if (job < 13) {
                    closeOneId();
                } else {
                    listWalk(randomDirectory());
                }
            }
        };
    }

    private void createTree() {
        client.createShare(SHARE);
        for (int d = 0; d < DIRS; d++) {
            String dir = "dir-" + d;
            client.createDirectory(SHARE, dir);
            directories.add(dir);
            for (int s = 0; s < SUBDIRS; s++) {
                String sub = dir + "/sub-" + s;
                client.createDirectory(SHARE, sub);
                directories.add(sub);
                for (int f = 0; f < FILES; f++) {
                    String file = sub + "/f-" + f;
                    client.createFile(SHARE, file);
                    files.add(file);
                }
            }
        }
    }

    private String randomDirectory() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(8) == 0 ? "" : directories.get(random.nextInt(directories.size()));
    }

    private void openBatch() {
        String file = files.get(ThreadLocalRandom.current().nextInt(files.size()));
        List<OpenedHandle> handles = client.openHandles(SHARE, file, BATCH);
        calls.increment();
        opened.add(handles.size());
        for (OpenedHandle handle : handles) {
            openedIds.add(new String[] {file, handle.handleId()});
        }
        synchronized (sampledIds) {
            if (sampledIds.size() < 500) {
                sampledIds.add(new String[] {file, handles.get(0).handleId()});
            }
        }
    }

    /** Recursive {@code *} on a directory (or the root, path ""), following markers to the end. */
    private void closeEverything(String directory) {
        String marker = null;
        int rounds = 0;
        do {
            ForceCloseResult result = client.forceClose(Scope.of(SHARE, directory).recursively(), "*", marker);
            calls.increment();
            count(result);
            marker = result.marker();
        } while (marker != null && ++rounds < 100_000);
    }

    /** Closes one opened id, which a wildcard closer may already have closed: then it must count 0. */
    private void closeOneId() {
        String[] handle = openedIds.poll();
        if (handle == null) {
            Thread.onSpinWait();
            return;
        }
        ForceCloseResult result = client.forceClose(Scope.of(SHARE, handle[0]), handle[1], null);
        calls.increment();
        count(result);
    }

    private void count(ForceCloseResult result) {
        closed.add(result.closed());
        if (result.failed() == null) {
            throw new IllegalStateException("x-ms-number-of-handles-failed missing at version " + client.version());
        }
        failed.add(result.failed());
    }

    /** Lists a directory recursively in pages of 100; a handle seen twice in one walk is a marker bug. */
    private void listWalk(String directory) {
        Set<String> seen = new HashSet<>();
        String marker = null;
        int rounds = 0;
        do {
            HandleListing page = client.listHandles(Scope.of(SHARE, directory).recursively(), 100, marker);
            calls.increment();
            for (String id : page.handleIds()) {
                if (!seen.add(id)) {
                    duplicateListings.increment();
                }
            }
            marker = page.nextMarker();
        } while (marker != null && ++rounds < 100_000);
    }

    private long countListed() {
        return client.listAllHandles(Scope.root(SHARE).recursively(), 5000).size();
    }

    /** What the SMB client of a sample of handles would see now: each must be force-closed. */
    private long sampleNotForceClosed() {
        long wrong = 0;
        for (String[] handle : sampledIds) {
            if (!client.handleState(SHARE, handle[1]).equals("force-closed")) {
                wrong++;
            }
        }
        return wrong;
    }
}
