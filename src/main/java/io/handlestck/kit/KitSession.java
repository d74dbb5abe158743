package io.handlestck.kit;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.client.Target;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.provision.HandleProvisionerFactory;
import io.handlestck.kit.provision.Provisioners;
import io.handlestck.kit.result.Exchange;
import io.handlestck.server.ReferenceServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One run of the kit against one target: its configuration, the target, the chosen provisioner and the
 * unique share-name prefix. The {@link io.handlestck.kit.run.KitRunner}
 * opens one and hands its id to the cases through a launcher configuration parameter; when cases run
 * without the runner (a user's {@code @Suite}, an IDE), the first case opens one from system
 * properties and the environment and the JUnit root context closes it.
 */
public final class KitSession implements AutoCloseable {

    /** The launcher configuration parameter that names the session the cases belong to. */
    public static final String SESSION_PARAMETER = "handlestck.session";
    /** The configuration parameter (or system property) that names a YAML config file in {@code @Suite} runs. */
    public static final String CONFIG_FILE_PARAMETER = "handlestck.config";
    /** The environment variable that names a YAML config file in {@code @Suite} runs. */
    public static final String CONFIG_FILE_ENVIRONMENT = "HANDLESTCK_CONFIG";
    /**
     * The force-close page size of the reference server a run starts for itself (a standalone {@code serve}
     * keeps {@link ReferenceServer#DEFAULT_FORCE_CLOSE_PAGE_SIZE}). The paging and combination cases open
     * up to two pages and one of handles: small pages keep them to a few dozen handles, and the
     * recursive closes still cross pages between files at different depths of a tree.
     */
    public static final int EMBEDDED_FORCE_CLOSE_PAGE_SIZE = 25;

    private static final Map<String, KitSession> OPEN = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KitSession.class);

    private final String id;
    private final KitConfig config;
    private final Target target;
    private final Catalogue catalogue;
    private final HandleProvisionerFactory provisionerFactory;
    private final ReferenceServer embeddedServer;
    private final String sharePrefix;
    private final AtomicInteger shareCounter = new AtomicInteger();
    private volatile String serverHeader;

    private KitSession(KitConfig config, ReferenceServer embeddedServer, HandleProvisionerFactory provisionerFactory,
                       String serverHeader) {
        this.id = token(12);
        this.config = config;
        this.target = new Target(config.endpoint(), config.account(), config.key(), config.version(), config.bearerToken());
        this.catalogue = Catalogue.fromClasspath();
        this.provisionerFactory = provisionerFactory;
        this.embeddedServer = embeddedServer;
        this.sharePrefix = config.runPrefix() + "-" + token(6);
        this.serverHeader = serverHeader;
    }

    /**
     * Opens a session: starts the embedded reference server when no endpoint is configured, checks
     * that the target answers, and chooses the provisioner.
     *
     * @throws io.handlestck.kit.config.KitConfigException when the provisioner cannot be used
     * @throws RuntimeException when the target is unreachable or the embedded server cannot start
     */
    public static KitSession open(KitConfig config) {
        ReferenceServer server = config.embedded() ? startEmbedded(config) : null;
        KitConfig effective = server == null ? config : embeddedTarget(config, server);
        try {
            Target target = new Target(effective.endpoint(), effective.account(), effective.key(), effective.version(),
                    effective.bearerToken());
            String[] firstServerHeader = new String[1];
            TargetClient probe = new TargetClient(target, exchange -> firstServerHeader[0] = serverHeaderOf(exchange));
            probe(probe);
            HandleProvisionerFactory factory = Provisioners.choose(effective, probe.provisioning(effective));
            KitSession session = new KitSession(effective, server, factory, firstServerHeader[0]);
            OPEN.put(session.id, session);
            return session;
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    /** The configuration aimed at the embedded server; without a configured token, the bearer cases use one of its issuer. */
    private static KitConfig embeddedTarget(KitConfig config, ReferenceServer server) {
        KitConfig aimed = config.withTarget(server.endpoint(), server.account(), server.key());
        return config.bearerToken() != null ? aimed : aimed.withBearerToken(server.bearerIssuer().token());
    }

    private static ReferenceServer startEmbedded(KitConfig config) {
        try {
            return ReferenceServer.builder()
                    .account(config.account() != null ? config.account() : ReferenceServer.DEV_ACCOUNT)
                    .key(config.key() != null ? config.key() : ReferenceServer.DEV_KEY)
                    .forceClosePageSize(EMBEDDED_FORCE_CLOSE_PAGE_SIZE)
                    .port(0).build().start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the embedded reference server did not start: " + e.getMessage(), e);
        }
    }

    /** The session a case belongs to: the runner's, or one opened for this JUnit run from system properties. */
    static KitSession of(ExtensionContext context) {
        Optional<String> id = context.getConfigurationParameter(SESSION_PARAMETER);
        if (id.isPresent()) {
            KitSession session = OPEN.get(id.get());
            if (session == null) {
                throw new IllegalStateException("kit session " + id.get() + " is not open");
            }
            return session;
        }
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(KitSession.class,
                key -> open(configFrom(context::getConfigurationParameter)), KitSession.class);
    }

    /** Whether the open session {@code id} certifies the embedded reference server. */
    public static boolean embeddedServer(String id) {
        KitSession session = OPEN.get(id);
        return session != null && session.embeddedServer();
    }

    /**
     * The configuration of a run without the runner: {@code handlestck.*} JUnit configuration parameters
     * (which include system properties), the environment, and the YAML file either names.
     */
    public static KitConfig configFrom(Function<String, Optional<String>> configurationParameter) {
        Map<String, String> parameters = new HashMap<>();
        for (String key : KitConfig.KEYS) {
            configurationParameter.apply(KitConfig.SYSTEM_PROPERTY_PREFIX + key)
                    .ifPresent(value -> parameters.put(key, value));
        }
        Optional<String> file = configurationParameter.apply(CONFIG_FILE_PARAMETER)
                .or(() -> Optional.ofNullable(System.getenv(CONFIG_FILE_ENVIRONMENT)));
        return KitConfig.resolve(parameters, new Properties(), System.getenv(), file.map(Path::of).orElse(null));
    }

    /** Any answer proves the target is there; only a transport failure is an error. */
    private static void probe(TargetClient client) {
        try {
            client.send("GET", TargetClient.withQuery(client.endpoint().toString(), "comp", "list"), Map.of());
        } catch (RuntimeException e) { // the kit's transport reports a connection failure unchecked
            throw new IllegalStateException("target " + client.endpoint() + " is unreachable: " + rootMessage(e), e);
        }
    }

    public String id() {
        return id;
    }

    public KitConfig config() {
        return config;
    }

    public Target target() {
        return target;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public HandleProvisionerFactory provisionerFactory() {
        return provisionerFactory;
    }

    /** The {@code Server} header the target sent, if any; it identifies the product in reports. */
    public String serverHeader() {
        return serverHeader;
    }

    /** True when this session started the embedded reference server it certifies. */
    public boolean embeddedServer() {
        return embeddedServer != null;
    }

    /** Every share of the run starts with this, e.g. {@code htck-k3x9az}. */
    public String sharePrefix() {
        return sharePrefix;
    }

    String newShareName(String caseId) {
        return sharePrefix + "-" + caseId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-"
                + shareCounter.incrementAndGet();
    }

    void noticeServerHeader(Exchange exchange) {
        if (serverHeader == null) {
            serverHeader = serverHeaderOf(exchange);
        }
    }

    /** Stops the embedded server, if this session started one. */
    @Override
    public void close() {
        OPEN.remove(id);
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }

    private static String serverHeaderOf(Exchange exchange) {
        for (Map.Entry<String, List<String>> header : exchange.responseHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Server") && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String token(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return out.toString();
    }
}
