package io.handlestck.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The Handles TCK reference server as a Testcontainers container, for tests that want it the way
 * they get any other dependency: started in a container, reached through a published port.
 *
 * <pre>{@code
 * @Container
 * static HandlesReferenceContainer server =
 *         new HandlesReferenceContainer(HandlesReferenceContainer.defaultImage()).withForceClosePageSize(10);
 * ...
 * server.getEndpoint();          // http://127.0.0.1:PORT/devstoreaccount1
 * server.getConnectionString();  // DefaultEndpointsProtocol=http;AccountName=...;FileEndpoint=...;
 * server.getSmbPort();           // the published SMB 2.x port, for --provisioner smb --smb-port
 * }</pre>
 *
 * The server is configured through the environment variables its {@code serve} command reads, so an
 * image built by a user from the project's Dockerfile behaves the same. The container is ready when
 * the server's unauthenticated {@code GET /$health} answers 200.
 */
public class HandlesReferenceContainer extends GenericContainer<HandlesReferenceContainer> {

    /** The image name the project's Dockerfile is built as; tags are the kit versions. */
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("handlestck/reference-server");

    /** The port the server listens on inside the container (also the server's own default). */
    public static final int PORT = 10004;

    /**
     * The port the image serves SMB 2.x on inside the container: the Dockerfile's
     * {@code HANDLESTCK_SERVER_SMB_PORT}, named for {@code serve} because {@code HANDLESTCK_SMB_PORT} is
     * the kit's own setting (the port {@code run} connects to).
     */
    public static final int SMB_PORT = 10445;

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int LOOPBACK_PROBE_MILLIS = 500;

    /** The image's defaults: the well-known emulator account and its public key, as the reference server's. */
    private static final String DEFAULT_ACCOUNT = "devstoreaccount1";
    private static final String DEFAULT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Pattern DEFECT_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private String account = DEFAULT_ACCOUNT;
    private String key = DEFAULT_KEY;
    /** Named as strings, so a vendor's test classpath needs none of the server's classes. */
    private final Set<String> defects = new LinkedHashSet<>();
    /** The container {@link #reachableHost} was decided for; a restarted container decides again. */
    private String hostDecidedFor;
    private String reachableHost;

    public HandlesReferenceContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    public HandlesReferenceContainer(DockerImageName dockerImageName) {
        super(dockerImageName);
        dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(PORT, SMB_PORT);
        waitingFor(Wait.forHttp(HealthCheck.HEALTH_PATH).forPort(PORT).forStatusCode(200)
                .withStartupTimeout(STARTUP_TIMEOUT));
    }

    /**
     * The image that goes with the running kit: {@link #DEFAULT_IMAGE_NAME} tagged with the kit's
     * version, as {@code docker/ci-docker.sh} and the README's build command tag it.
     */
    public static DockerImageName defaultImage() {
        Properties image = new Properties();
        try (InputStream in = HandlesReferenceContainer.class.getResourceAsStream("image.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/handlestck/container/image.properties is missing from the"
                        + " classpath: the kit was not built by Maven");
            }
            image.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DEFAULT_IMAGE_NAME.withTag(image.getProperty("tag"));
    }

    /** The storage account the server serves (default {@code devstoreaccount1}). */
    public HandlesReferenceContainer withAccount(String account) {
        this.account = account;
        return withEnv("HANDLESTCK_SERVER_ACCOUNT", account);
    }

    /** The account key, base64 (default: the well-known emulator key). */
    public HandlesReferenceContainer withKey(String key) {
        this.key = key;
        return withEnv("HANDLESTCK_SERVER_KEY", key);
    }

    /**
     * Makes the server misbehave in one named way ({@code handles-tck defects} lists the names, e.g.
     * {@code MARKER_SKIPS}); repeatable. For proving that a client or a kit notices. A name the server
     * does not know stops the container at start.
     *
     * @throws IllegalArgumentException for a name that cannot be a defect's (empty, or not letters, digits, _ and -)
     */
    public HandlesReferenceContainer withDefect(String defect) {
        if (defect == null || !DEFECT_NAME.matcher(defect).matches()) {
            throw new IllegalArgumentException("not a defect name: '" + defect + "' (see 'handles-tck defects')");
        }
        defects.add(defect.toUpperCase(Locale.ROOT).replace('-', '_'));
        return withEnv("HANDLESTCK_SERVER_DEFECTS", String.join(",", defects));
    }

    /** At most this many handles are closed per Force Close Handles call (default 1000); more need a marker. */
    public HandlesReferenceContainer withForceClosePageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("the force-close page size must be at least 1, not " + pageSize);
        }
        return withEnv("HANDLESTCK_SERVER_FORCE_CLOSE_PAGE_SIZE", String.valueOf(pageSize));
    }

    public String getAccount() {
        return account;
    }

    public String getKey() {
        return key;
    }

    /** The path-style endpoint on the published port, {@code http://HOST:PORT/ACCOUNT}, HOST as {@link #getHost()}. */
    public URI getEndpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT) + "/" + account);
    }

    /**
     * The published port of the server's SMB endpoint, on {@link #getHost()}: what the kit takes as
     * {@code --smb-port} (with {@code --smb-host} the same host) to open handles over SMB.
     */
    public int getSmbPort() {
        return getMappedPort(SMB_PORT);
    }

    /**
     * Where the published port is reached: 127.0.0.1 when it answers there, else what Testcontainers
     * finds. Testcontainers guesses from the environment, and on a machine that looks like a container
     * ({@code /.dockerenv}) but runs its own Docker daemon it guesses the bridge gateway, or starts a
     * helper container to find one, which fails where nothing can be pulled. Asking the port itself is
     * right in both set-ups: a daemon on this machine publishes on loopback, a daemon outside (remote,
     * or a mounted socket) does not. {@code TESTCONTAINERS_HOST_OVERRIDE} still wins.
     */
    @Override
    public String getHost() {
        String override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
        String containerId = getContainerId();
        if (containerId == null || getContainerInfo() == null || (override != null && !override.isBlank())) {
            return super.getHost();
        }
        synchronized (this) {
            if (!containerId.equals(hostDecidedFor)) {
                reachableHost = answersOnLoopback(getMappedPort(PORT)) ? LOOPBACK : super.getHost();
                hostDecidedFor = containerId;
            }
            return reachableHost;
        }
    }

    private static boolean answersOnLoopback(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), LOOPBACK_PROBE_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An Azure Storage connection string for this server, with {@code FileEndpoint=} set to {@link #getEndpoint()}. */
    public String getConnectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + account + ";AccountKey=" + key
                + ";FileEndpoint=" + getEndpoint() + ";";
    }
}
