package io.handlestck.server;

import io.handlestck.server.defects.Defect;
import io.handlestck.server.defects.Faults;
import io.handlestck.server.auth.BearerIssuer;
import io.handlestck.server.http.ServiceHandler;
import io.handlestck.server.http.XmlErrorHandler;
import io.handlestck.server.model.Account;
import io.handlestck.server.smb.SmbServer;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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
 *
 * <p>Besides the account namespace it answers {@code GET /$health} with {@code 200 {"status":"up"}},
 * unauthenticated, for container wait strategies (see {@link ServiceHandler}).
 */
public final class ReferenceServer implements AutoCloseable {

    /** The well-known emulator account every Azure Storage emulator uses. */
    public static final String DEV_ACCOUNT = "devstoreaccount1";
    /** The well-known, public emulator key of {@link #DEV_ACCOUNT}. */
    public static final String DEV_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public static final int DEFAULT_PORT = 10004;
    public static final int DEFAULT_FORCE_CLOSE_PAGE_SIZE = 1000;

    /** The {@code Server} header: our product name, so reports can tell the reference server from a vendor's. */
    public static final String PRODUCT = "HandlesTCK-Reference";

    private final Settings settings;
    /** The SMB port asked for, 0 for a free one, -1 for no SMB endpoint. */
    private final int smbPort;
    private Server jetty;
    private ServerConnector connector;
    private SmbServer smb;

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private ReferenceServer(Settings settings, int smbPort) {
        this.settings = settings;
        this.smbPort = smbPort;
    }

    /**
     * Tells Jetty how many references share a cache line (its queues pad by it), which it would otherwise
     * find by starting the platform MBean server to ask whether oops are compressed: a tenth of a second
     * of CPU in a short run's start. The value is the one Jetty computes; one the user set stays.
     */
    private static void presetJettyCacheLine() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) != null) {
            return;
        }
        int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
        boolean compressedOops;
        try {
            compressedOops = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseCompressedOops").getValue());
        } catch (NoClassDefFoundError e) {
            // A runtime without the jdk.management module (the container image's jlink runtime): Jetty
            // then falls back on its own default, as it did before this preset existed.
            return;
        }
        System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, Integer.toString(cacheLineBytes / (compressedOops ? 4 : 8)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this server. Fails with {@link java.net.BindException} on a taken port. */
    public synchronized ReferenceServer start() throws IOException {
        if (jetty != null) {
            throw new IllegalStateException("already started");
        }
        presetJettyCacheLine();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("handlestck-server");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // we send our own Server header
        http.setSendDateHeader(false);    // and our own Date, on every response
        http.setUriCompliance(UriCompliance.UNSAFE); // names may hold %2F, %5C...: the service refuses them itself, in XML
        // One selector per core: the handler runs on the selector threads (ServiceHandler#getInvocationType),
        // and Jetty's default of one selector for up to three cores would leave a core without requests.
        int selectors = Runtime.getRuntime().availableProcessors();
        // Serialized: Jetty runs a refused request's read loop on two threads at once (see the factory).
        ServerConnector httpConnector = new ServerConnector(server, -1, selectors, new SerializedHttpConnectionFactory(http));
        httpConnector.setHost(settings.host());
        httpConnector.setPort(settings.port());
        server.addConnector(httpConnector);
        Faults faults = Faults.of(settings.defects());
        Strategies strategies = faults.strategies(Strategies.SERVICE);
        ServerContext context = new ServerContext(settings, new Account(settings.account(), strategies.openHandles()),
                strategies, faults);
        ServiceHandler handler = new ServiceHandler(context, PRODUCT + "/" + version());
        server.setHandler(handler);
        server.setErrorHandler(new XmlErrorHandler(handler));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    BindException taken = new BindException("cannot listen on " + settings.host() + ":" + settings.port()
                            + ": " + cause.getMessage());
                    taken.initCause(e);
                    throw taken;
                }
            }
            throw e instanceof IOException io ? io : new IOException("the reference server did not start", e);
        }
        this.jetty = server;
        this.connector = httpConnector;
        if (smbPort >= 0) {
            startSmb(context);
        }
        return this;
    }

    private void startSmb(ServerContext context) throws IOException {
        SmbServer endpoint = new SmbServer(context);
        try {
            endpoint.start(settings.host(), smbPort);
        } catch (IOException e) {
            close();
            BindException taken = new BindException("cannot listen for SMB on " + settings.host() + ":" + smbPort
                    + ": " + e.getMessage());
            taken.initCause(e);
            throw taken;
        }
        this.smb = endpoint;
    }

    /** The SMB port actually bound; -1 when the server was built without {@link Builder#smbPort}. */
    public synchronized int smbPort() {
        if (connector == null) {
            throw new IllegalStateException("not started");
        }
        return smb == null ? -1 : smb.port();
    }

    /** The path-style endpoint, {@code http://HOST:PORT/ACCOUNT}. */
    public URI endpoint() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + port() + "/" + settings.account());
    }

    /** The port actually bound (useful after asking for port 0). */
    public synchronized int port() {
        if (connector == null) {
            throw new IllegalStateException("not started");
        }
        return connector.getLocalPort();
    }

    /** The build's version from the jar manifest, {@code development} when run from classes. */
    public static String version() {
        String version = ReferenceServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public String account() {
        return settings.account();
    }

    public String key() {
        return settings.key();
    }

    /** The test issuer whose bearer tokens this server accepts; {@code bearerIssuer().token()} is a ready-to-use token. */
    public BearerIssuer bearerIssuer() {
        return settings.bearerIssuer();
    }

    /** A ready-to-use Azure Storage connection string with {@code FileEndpoint=} set to {@link #endpoint()}. */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + account() + ";AccountKey=" + key()
                + ";FileEndpoint=" + endpoint() + ";";
    }

    @Override
    public synchronized void close() {
        if (smb != null) {
            smb.close();
            smb = null;
        }
        if (jetty != null) {
            stopQuietly(jetty);
            jetty = null;
            connector = null;
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a server that failed to start, or on close: nothing more to free
        }
    }

    /** Everything a server is started with; immutable once built. */
    public record Settings(String host, int port, String account, String key, int forceClosePageSize,
                           Set<Defect> defects, boolean fixtures, BearerIssuer bearerIssuer) {
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String account = DEV_ACCOUNT;
        private String key = DEV_KEY;
        private int forceClosePageSize = DEFAULT_FORCE_CLOSE_PAGE_SIZE;
        private final Set<Defect> defects = EnumSet.noneOf(Defect.class);
        private boolean fixtures = true;
        private int smbPort = -1;
        private BearerIssuer bearerIssuer;

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder account(String account) { this.account = account; return this; }
        public Builder key(String key) { this.key = key; return this; }
        public Builder forceClosePageSize(int size) { this.forceClosePageSize = size; return this; }
        public Builder defect(Defect defect) { this.defects.add(defect); return this; }
        public Builder defects(Set<Defect> defects) { this.defects.addAll(defects); return this; }
        /** @throws IllegalArgumentException when no defect has that name (see {@link Defect#named}) */
        public Builder defect(String name) { this.defects.add(Defect.named(name)); return this; }
        public Builder fixtures(boolean enabled) { this.fixtures = enabled; return this; }
        /** Also serve SMB 2.x on this port (0 = a free one) over the same namespace; off by default. */
        public Builder smbPort(int port) { this.smbPort = port; return this; }
        /** The issuer whose bearer tokens the server accepts; by default a fresh one of its own. */
        public Builder bearerIssuer(BearerIssuer issuer) { this.bearerIssuer = issuer; return this; }

        /** @throws IllegalArgumentException for a port outside 0-65535 or a page size below 1 */
        public ReferenceServer build() {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the port must be between 0 and 65535, not " + port);
            }
            if (smbPort < -1 || smbPort > 65535) {
                throw new IllegalArgumentException("the SMB port must be between 0 and 65535, not " + smbPort);
            }
            if (forceClosePageSize < 1) {
                throw new IllegalArgumentException("the force close page size must be at least 1, not " + forceClosePageSize);
            }
            return new ReferenceServer(new Settings(host, port, account, key, forceClosePageSize, Set.copyOf(defects), fixtures,
                    bearerIssuer != null ? bearerIssuer : BearerIssuer.create()), smbPort);
        }
    }
}
