package io.handlestck.testsupport;

import io.handlestck.server.ReferenceServer;
import io.handlestck.server.defects.Defect;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A reference server started embedded on a free port for one test class, with a path-style
 * {@link WireClient} for it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.forceClosePageSize(3));
 * }</pre>
 *
 * Tests share the server, so each one works in its own share from {@link #newShareName()}.
 *
 * <p>To see that the wire tests catch a broken server, run them with
 * {@code -Dhandlestck.wire.defects=MARKER_SKIPS,CLOSED_COUNT_OFF_BY_ONE} (names of {@link Defect}s): every
 * embedded server then starts with those defects on, and the tests that guard against them fail.
 */
public final class EmbeddedServer implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger SHARES = new AtomicInteger();

    private final UnaryOperator<ReferenceServer.Builder> configuration;
    private ReferenceServer server;
    private WireClient client;

    private EmbeddedServer(UnaryOperator<ReferenceServer.Builder> configuration) {
        this.configuration = configuration;
    }

    public static EmbeddedServer withDefaults() {
        return with(UnaryOperator.identity());
    }

    public static EmbeddedServer with(UnaryOperator<ReferenceServer.Builder> configuration) {
        return new EmbeddedServer(configuration);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ReferenceServer.Builder builder = configuration.apply(ReferenceServer.builder().port(0));
        for (String name : System.getProperty("handlestck.wire.defects", "").split(",")) {
            if (!name.isBlank()) {
                builder.defect(name);
            }
        }
        server = builder.build().start();
        client = WireClient.of(server);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public ReferenceServer server() {
        return server;
    }

    /** A path-style client signing with the server's own account and key. */
    public WireClient client() {
        return client;
    }

    /** A share name no other test of this JVM uses (valid under the share-name rules: lower case, digits, single hyphens). */
    public static String newShareName() {
        return "wire" + SHARES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xFFFFFFL);
    }
}
