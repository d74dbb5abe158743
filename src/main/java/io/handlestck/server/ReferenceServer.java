package io.handlestck.server;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * The bundled reference server: an in-memory Azure Files endpoint that implements List Handles,
 * Force Close Handles, the share/directory/file operations around them and the Handle Fixture
 * Protocol. This is its whole public API: start it embedded, ask for its endpoint, stop it.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.builder().port(0).build().start()) {
 *     URI endpoint = server.endpoint();   // http://127.0.0.1:PORT/devstoreaccount1
 * }
 * }</pre>
 */
public final class ReferenceServer implements AutoCloseable {

    /** The well-known emulator account every Azure Storage emulator uses. */
    public static final String DEV_ACCOUNT = "devstoreaccount1";
    /** The well-known, public emulator key of {@link #DEV_ACCOUNT}. */
    public static final String DEV_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public static final int DEFAULT_PORT = 10004;
    public static final int DEFAULT_FORCE_CLOSE_PAGE_SIZE = 1000;

    private final Settings settings;

    private ReferenceServer(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this server. Fails with {@link java.net.BindException} on a taken port. */
    public ReferenceServer start() throws java.io.IOException {
        throw new IllegalStateException("server under construction");
    }

    /** The path-style endpoint, {@code http://HOST:PORT/ACCOUNT}. */
    public URI endpoint() {
        throw new IllegalStateException("server under construction");
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        throw new IllegalStateException("server under construction");
    }

    public String account() {
        return settings.account();
    }

    public String key() {
        return settings.key();
    }

    /** A ready-to-use Azure Storage connection string with {@code FileEndpoint=} set to {@link #endpoint()}. */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + account() + ";AccountKey=" + key()
                + ";FileEndpoint=" + endpoint() + ";";
    }

    @Override
    public void close() {
    }

    /** Everything a server is started with; immutable once built. */
    public record Settings(String host, int port, String account, String key, int forceClosePageSize,
                           Set<io.handlestck.server.defects.Defect> defects, boolean fixtures) {
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String account = DEV_ACCOUNT;
        private String key = DEV_KEY;
        private int forceClosePageSize = DEFAULT_FORCE_CLOSE_PAGE_SIZE;
        private final Set<io.handlestck.server.defects.Defect> defects = EnumSet.noneOf(io.handlestck.server.defects.Defect.class);
        private boolean fixtures = true;

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder account(String account) { this.account = account; return this; }
        public Builder key(String key) { this.key = key; return this; }
        public Builder forceClosePageSize(int size) { this.forceClosePageSize = size; return this; }
        public Builder defect(io.handlestck.server.defects.Defect defect) { this.defects.add(defect); return this; }
        public Builder defects(Set<io.handlestck.server.defects.Defect> defects) { this.defects.addAll(defects); return this; }
        public Builder fixtures(boolean enabled) { this.fixtures = enabled; return this; }

        public ReferenceServer build() {
            return new ReferenceServer(new Settings(host, port, account, key, forceClosePageSize, Set.copyOf(defects), fixtures));
        }
    }
}
