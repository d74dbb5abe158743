package io.handlestck.bench;

import io.handlestck.server.ReferenceServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import io.handlestck.testsupport.ForceCloseResult;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.WireClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale: n handles on one share, spread over a tree of 10 team directories × 10 project
 * directories × 20 files, opened through the Handle Fixture Protocol in batches (one batch per
 * file). For each n it measures a 5,000-entry List Handles page at the start, middle and end of the
 * set, a recursive {@code *} Force Close of everything following {@code x-ms-marker}, and the heap
 * each open handle costs. The server runs in this JVM so that its heap is this JVM's heap.
 *
 * <p>Times are taken by the client around each HTTP exchange on loopback, so they bound the
 * server's time from above. Usage: {@code ScaleBench FIGURES_FILE [n ...]} (default 10^4 10^5 10^6).
 */
public final class ScaleBench {

    static final String SHARE = "scale";
    static final int TEAMS = 10;
    static final int PROJECTS = 10;
    static final int FILES = 20;
    static final int FILE_COUNT = TEAMS * PROJECTS * FILES;
    static final int PAGE = 5000;
    /** How often each of the start, middle and end pages is fetched again; the median is reported. */
    static final int PAGE_REPEATS = 15;
    private static final Pattern NEXT_MARKER = Pattern.compile("<NextMarker>([^<]*)</NextMarker>");

    private final Figures figures;

    private ScaleBench(Figures figures) {
        this.figures = figures;
    }

    public static void main(String[] args) throws Exception {
        Figures figures = new Figures(Path.of(args[0]));
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        ScaleBench bench = new ScaleBench(figures);
        // One unreported round first, so that the smallest n is not measured with a cold JIT.
        bench.run(10_000, false);
        for (int n : sizes) {
            bench.run(n, true);
        }
    }

    private void run(int n, boolean report) throws Exception {
        if (n % FILE_COUNT != 0) {
            throw new IllegalArgumentException("n must be a multiple of " + FILE_COUNT + " (handles spread evenly over the files)");
        }
        String prefix = "scale.n" + n + ".";
        try (ReferenceServer server = ReferenceServer.builder().port(0).build().start()) {
            WireClient client = WireClient.of(server);
            List<String> files = createTree(client);

            long heapBefore = usedHeapAfterGc();
            long openStart = System.nanoTime();
            openHandles(client, files, n / FILE_COUNT);
            long openNanos = System.nanoTime() - openStart;
            long heapOpen = usedHeapAfterGc();

            List<String> pageMarkers = new ArrayList<>();
            long[] walk = walkList(client, n, pageMarkers);
            int pages = pageMarkers.size();
            String[] positions = {"start", "middle", "end"};
            int[] pageIndexes = {0, pages / 2, pages - 1};

            long[] pageMedians = new long[3];
            long[] firstByteMedians = new long[3];
            for (int p = 0; p < 3; p++) {
                long[] repeats = new long[PAGE_REPEATS];
                long[] firstBytes = new long[PAGE_REPEATS];
                for (int r = 0; r < PAGE_REPEATS; r++) {
                    Page page = timedPage(client, pageMarkers.get(pageIndexes[p]));
                    repeats[r] = page.nanos;
                    firstBytes[r] = page.firstByteNanos;
                }
                pageMedians[p] = Figures.percentile(repeats, 50);
                firstByteMedians[p] = Figures.percentile(firstBytes, 50);
            }
            int fullPageBytes = timedPage(client, null).bytes;

            long[] closeCalls = closeAll(client, n);
            long closeTotal = 0;
            for (long call : closeCalls) {
                closeTotal += call;
            }
            long heapClosed = usedHeapAfterGc();

            if (report) {
                figures.put(prefix + "files", FILE_COUNT);
                figures.put(prefix + "open_s", openNanos / 1e9);
                figures.put(prefix + "open_handles_per_s", n / (openNanos / 1e9));
                figures.put(prefix + "heap_bytes_per_handle", (double) (heapOpen - heapBefore) / n);
                figures.put(prefix + "heap_bytes_per_closed_handle", (double) (heapClosed - heapBefore) / n);
                figures.put(prefix + "list_pages", pages);
                figures.put(prefix + "list_page_bytes", fullPageBytes);
                for (int p = 0; p < 3; p++) {
                    figures.put(prefix + "list_" + positions[p] + "_ms", Figures.millis(pageMedians[p]));
                    figures.put(prefix + "list_" + positions[p] + "_first_byte_ms", Figures.millis(firstByteMedians[p]));
                }
                figures.put(prefix + "list_walk_p50_ms", Figures.millis(Figures.percentile(walk, 50)));
                figures.put(prefix + "list_walk_max_ms", Figures.millis(Figures.percentile(walk, 100)));
                figures.put(prefix + "close_total_ms", Figures.millis(closeTotal));
                figures.put(prefix + "close_calls", closeCalls.length);
                figures.put(prefix + "close_per_call_ms", Figures.millis(closeTotal) / closeCalls.length);
                figures.put(prefix + "close_p50_ms", Figures.millis(Figures.percentile(closeCalls, 50)));
                figures.put(prefix + "close_max_ms", Figures.millis(Figures.percentile(closeCalls, 100)));
            }
        }
    }

    /** team-T/project-P/file-F.dat; returns the file paths. */
    private static List<String> createTree(WireClient client) {
        client.createShare(SHARE);
        List<String> files = new ArrayList<>(FILE_COUNT);
        for (int t = 0; t < TEAMS; t++) {
            String team = "team-" + t;
            client.createDirectory(SHARE, team);
            for (int p = 0; p < PROJECTS; p++) {
                String project = team + "/project-" + p;
                client.createDirectory(SHARE, project);
                for (int f = 0; f < FILES; f++) {
                    String file = project + "/file-" + f + ".dat";
                    client.createFile(SHARE, file);
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** One fixture batch per file, from a few client threads: the server's side is what is measured. */
    private static void openHandles(WireClient client, List<String> files, int perFile) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (String file : files) {
                batches.add(pool.submit(() -> client.openHandles(SHARE, file, perFile)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One page: its time to the first byte (server time plus one loopback round trip) and to the last. */
    private record Page(long firstByteNanos, long nanos, int bytes, int handles, String nextMarker) {
    }

    private static Page timedPage(WireClient client, String marker) {
        SignedRequest request = client.request("GET", SHARE, "").query("comp", "listhandles")
                .query("maxresults", Integer.toString(PAGE));
        if (marker != null) {
            request.query("marker", marker);
        }
        SignedOnce.Timed response = SignedOnce.sign(client, "GET", request, Map.of("x-ms-recursive", "true")).send();
        if (response.status() != 200) {
            throw new IllegalStateException("List Handles answered " + response.status());
        }
        // A scan, not a DOM: a 5,000-handle page is megabytes, and the client's parsing is not what is measured.
        String body = new String(response.body(), StandardCharsets.UTF_8);
        Matcher next = NEXT_MARKER.matcher(body);
        return new Page(response.firstByteNanos(), response.totalNanos(), response.body().length, body.split("<Handle>", -1).length - 1, next.find() ? next.group(1) : null);
    }

    /**
     * Lists the whole share recursively in pages of {@value #PAGE}, recording the marker that starts
     * each page (null for the first) and each page's time; every handle must be listed exactly once in all.
     */
    private static long[] walkList(WireClient client, int n, List<String> pageMarkers) {
        List<Long> times = new ArrayList<>();
        long listed = 0;
        String marker = null;
        do {
            pageMarkers.add(marker);
            Page page = timedPage(client, marker);
            times.add(page.nanos);
            listed += page.handles;
            marker = page.nextMarker == null || page.nextMarker.isEmpty() ? null : page.nextMarker;
        } while (marker != null && times.size() <= n / PAGE + 1);
        if (listed != n || marker != null) {
            throw new IllegalStateException("listing all pages found " + listed + " handles of " + n);
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    /** Recursive {@code *} on the share root until no marker comes back; returns each call's time. */
    private static long[] closeAll(WireClient client, int n) {
        List<Long> times = new ArrayList<>();
        long closed = 0;
        String marker = null;
        do {
            long start = System.nanoTime();
            ForceCloseResult result = client.forceClose(Scope.root(SHARE).recursively(), "*", marker);
            times.add(System.nanoTime() - start);
            closed += result.closed();
            marker = result.marker();
        } while (marker != null && times.size() <= n + 1);
        if (closed != n || marker != null) {
            throw new IllegalStateException("force close reported " + closed + " closed of " + n);
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    /** Heap in use right after a full collection, from the heap pools' own after-GC figures. */
    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }
}
