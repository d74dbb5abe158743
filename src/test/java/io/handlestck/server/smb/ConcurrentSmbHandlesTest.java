package io.handlestck.server.smb;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many SMB sessions opening and closing while REST lists and force-closes. Every open ends exactly
 * once: either its client's CLOSE succeeds, or a Force Close counted it and the CLOSE then gets
 * STATUS_FILE_CLOSED. So opens = client closes + REST's closed counts, and nothing is left listed.
 */
class ConcurrentSmbHandlesTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.smbPort(0).forceClosePageSize(7));

    private static final int SESSIONS = 8;
    private static final int OPENS_PER_SESSION = 120;
    private static final int STATUS_FILE_CLOSED = 0xC0000128;

    private final WireClient rest = SERVER.client();

    @Test
    void opensClientClosesAndForceClosesAddUpExactly() throws Exception {
        String share = EmbeddedServer.newShareName();
        rest.createTree(share, "d/", "d/a.txt", "d/b.txt", "c.txt");
        String[] paths = {"d\\a.txt", "d\\b.txt", "c.txt", "d"};
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger clientClosed = new AtomicInteger();
        AtomicInteger sawFileClosed = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS + 1);
        try {
            Future<int[]> restSide = pool.submit(() -> {
                int forceClosed = 0;
                int listings = 0;
                while (!done.get()) {
                    rest.listAllHandles(Scope.root(share).recursively(), 5);
                    listings++;
                    forceClosed += rest.forceCloseAll(Scope.root(share).recursively(), "*").closed();
                }
                return new int[] {forceClosed, listings};
            });
            List<Future<?>> sessions = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                int session = s;
                sessions.add(pool.submit(() -> {
                    try (RawSmbClient smb = new RawSmbClient(SERVER.server().smbPort(), 30_000)
                            .connect(SERVER.server().account(), SERVER.server().key(), share)) {
                        for (int i = 0; i < OPENS_PER_SESSION; i++) {
                            String path = paths[(session + i) % paths.length];
                            ByteBuffer created = smb.call(SmbMessage.CREATE,
                                    RawSmbClient.create(path, 0x00120089, 7, 1, 0, new byte[0]));
                            RawSmbClient.expectStatus(created, 0);
                            opened.incrementAndGet();
                            ByteBuffer closed = smb.call(SmbMessage.CLOSE,
                                    RawSmbClient.close(created.getLong(128), created.getLong(136)));
                            int status = RawSmbClient.status(closed);
                            if (status == 0) {
                                clientClosed.incrementAndGet();
                            } else {
                                assertThat(status).isEqualTo(STATUS_FILE_CLOSED);
                                sawFileClosed.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> session : sessions) {
                session.get(5, TimeUnit.MINUTES);
            }
            done.set(true);
            int[] restCounts = restSide.get(1, TimeUnit.MINUTES);
            int forceClosed = restCounts[0] + rest.forceCloseAll(Scope.root(share).recursively(), "*").closed();

            assertThat(opened.get()).isEqualTo(SESSIONS * OPENS_PER_SESSION);
            assertThat(restCounts[1]).as("listings made while opening").isPositive();
            assertThat(forceClosed).as("REST's count is the opens the clients then found closed").isEqualTo(sawFileClosed.get());
            assertThat(clientClosed.get() + forceClosed).isEqualTo(opened.get());
            assertThat(rest.listAllHandles(Scope.root(share).recursively(), null)).isEmpty();
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }
}
