package io.handlestck.server.smb;

import io.handlestck.server.ReferenceServer;
import io.handlestck.testsupport.WireClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The SMB benchmark driver of bench/smb.sh (measured, never asserted): CREATE+CLOSE pairs per second
 * with 1 and 16 sessions, and READ throughput in 64 KiB reads, against any SMB 2.x server; and, in
 * process, the heap each open SMB handle costs the reference server.
 *
 * <pre>
 * SmbBench share ENDPOINT NAME                          creates a share over REST
 * SmbBench rate HOST PORT SHARE USER PASSWORD SECONDS   prints name=value lines
 * SmbBench memory OPENS                                 prints smb.bytes_per_handle=N
 * </pre>
 */
public final class SmbBench {

    private static final int READ_ACCESS = 0x00120089;
    private static final int ALL_ACCESS = 0x001F01FF;
    private static final int CHUNK = 65536;
    private static final int FILE_CHUNKS = 64; // a 4 MiB file

    private SmbBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("share")) {
            WireClient.pathStyle(java.net.URI.create(args[1]), ReferenceServer.DEV_ACCOUNT, ReferenceServer.DEV_KEY)
                    .createShare(args[2]);
            return;
        }
        if (args[0].equals("memory")) {
            memory(Integer.parseInt(args[1]));
            return;
        }
        int port = Integer.parseInt(args[2]);
        String share = args[3];
        String user = args[4];
        String password = args[5];
        long seconds = Long.parseLong(args[6]);
        prepare(port, share, user, password);
        System.out.println("pairs_1=" + pairsPerSecond(port, share, user, password, 1, seconds));
        System.out.println("pairs_16=" + pairsPerSecond(port, share, user, password, 16, seconds));
        System.out.println("read_mib_s=" + readMibPerSecond(port, share, user, password, seconds));
    }

    /** Writes the file the READ phase reads, and the one the pairs open. */
    private static void prepare(int port, String share, String user, String password) throws IOException {
        try (RawSmbClient smb = new RawSmbClient(port, 30_000).connect(user, password, share)) {
            long[] file = open(smb, "bench-read.bin", ALL_ACCESS, 5);
            byte[] data = new byte[CHUNK];
            for (int i = 0; i < FILE_CHUNKS; i++) {
                RawSmbClient.expectStatus(smb.call(SmbMessage.WRITE, new SmbWriter(48 + CHUNK).u16(49)
                        .u16(SmbMessage.HEADER_SIZE + 48).u32(CHUNK).u64((long) i * CHUNK).u64(file[0]).u64(file[1])
                        .u32(0).u32(0).u16(0).u16(0).u32(0).bytes(data).toArray()), 0);
            }
            smb.call(SmbMessage.CLOSE, RawSmbClient.close(file[0], file[1]));
            long[] target = open(smb, "bench-open.txt", ALL_ACCESS, 3);
            smb.call(SmbMessage.CLOSE, RawSmbClient.close(target[0], target[1]));
        }
    }

    private static long pairsPerSecond(int port, String share, String user, String password, int sessions, long seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        // Sessions set up one after another, before the clock starts: set up concurrently, smbd 4.17 answered a
        // SESSION_SETUP granting no credit now and then, and that connection's next request went unanswered.
        List<RawSmbClient> clients = new ArrayList<>();
        try {
            for (int s = 0; s < sessions; s++) {
                clients.add(new RawSmbClient(port, 30_000).connect(user, password, share));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<Long>> counts = new ArrayList<>();
            for (RawSmbClient client : clients) {
                counts.add(pool.submit(() -> {
                    long pairs = 0;
                    try (RawSmbClient smb = client) {
                        while (System.nanoTime() < end) {
                            long[] file = open(smb, "bench-open.txt", READ_ACCESS, 1);
                            RawSmbClient.expectStatus(smb.call(SmbMessage.CLOSE, RawSmbClient.close(file[0], file[1])), 0);
                            pairs++;
                        }
                    }
                    return pairs;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long readMibPerSecond(int port, String share, String user, String password, long seconds) throws IOException {
        try (RawSmbClient smb = new RawSmbClient(port, 30_000).connect(user, password, share)) {
            long[] file = open(smb, "bench-read.bin", READ_ACCESS, 1);
            long bytes = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            for (int i = 0; System.nanoTime() < end; i++) {
                ByteBuffer read = smb.call(SmbMessage.READ, RawSmbClient.read(file[0], file[1], CHUNK,
                        (long) (i % FILE_CHUNKS) * CHUNK));
                RawSmbClient.expectStatus(read, 0);
                bytes += read.getInt(64 + 4);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return Math.round(bytes / elapsed / (1 << 20));
        }
    }

    private static long[] open(RawSmbClient smb, String name, int access, int disposition) throws IOException {
        ByteBuffer created = smb.call(SmbMessage.CREATE, RawSmbClient.create(name, access, 7, disposition, 0, new byte[0]));
        RawSmbClient.expectStatus(created, 0);
        return new long[] {created.getLong(128), created.getLong(136)};
    }

    /** Heap growth per open held by the in-process reference server (sessions hold up to 4000 opens each). */
    private static void memory(int opens) throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().port(0).smbPort(0).build().start()) {
            WireClient.of(server).createTree("bench", "f.txt");
            List<RawSmbClient> clients = new ArrayList<>();
            for (int i = 0; i < (opens + 3999) / 4000; i++) {
                clients.add(new RawSmbClient(server.smbPort(), 30_000).connect(server.account(), server.key(), "bench"));
            }
            long before = usedHeap();
            for (int i = 0; i < opens; i++) {
                open(clients.get(i / 4000), "f.txt", READ_ACCESS, 1);
            }
            long after = usedHeap();
            System.out.println("smb.bytes_per_handle=" + (after - before) / opens);
            for (RawSmbClient client : clients) {
                client.close();
            }
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
