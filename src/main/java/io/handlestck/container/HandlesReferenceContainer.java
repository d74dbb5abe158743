package io.handlestck.container;

import io.handlestck.server.ReferenceServer;
import io.handlestck.server.defects.Defect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
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
    public static final int PORT = ReferenceServer.DEFAULT_PORT;

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int LOOPBACK_PROBE_MILLIS = 500;

    private String account = ReferenceServer.DEV_ACCOUNT;
    private String key = ReferenceServer.DEV_KEY;
    private final Set<Defect> defects = EnumSet.noneOf(Defect.class);
    /** The container {@link #reachableHost} was decided for; a restarted container decides again. */
    private String hostDecidedFor;
    private String reachableHost;

    public HandlesReferenceContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    public HandlesReferenceContainer(DockerImageName dockerImageName) {
        super(dockerImageName);
        dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(PORT);
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

    /** Makes the server misbehave in one named way; repeatable. For proving that a client or a kit notices. */
    public HandlesReferenceContainer withDefect(Defect defect) {
        defects.add(defect);
        return withEnv("HANDLESTCK_SERVER_DEFECTS", defects.stream().map(Defect::name).collect(Collectors.joining(",")));
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
