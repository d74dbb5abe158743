package io.handlestck.container;

import io.handlestck.server.ReferenceServer;
import io.handlestck.server.defects.Defect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 *         new HandlesReferenceContainer(HandlesReferenceContainer.DEFAULT_IMAGE_NAME.withTag("0.1.0"))
 *                 .withForceClosePageSize(10);
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

    private String account = ReferenceServer.DEV_ACCOUNT;
    private String key = ReferenceServer.DEV_KEY;
    private final Set<Defect> defects = EnumSet.noneOf(Defect.class);

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
        return withEnv("HANDLESTCK_ACCOUNT", account);
    }

    /** The account key, base64 (default: the well-known emulator key). */
    public HandlesReferenceContainer withKey(String key) {
        this.key = key;
        return withEnv("HANDLESTCK_KEY", key);
    }

    /** Makes the server misbehave in one named way; repeatable. For proving that a client or a kit notices. */
    public HandlesReferenceContainer withDefect(Defect defect) {
        defects.add(defect);
        return withEnv("HANDLESTCK_DEFECTS", defects.stream().map(Defect::name).collect(Collectors.joining(",")));
    }

    /** At most this many handles are closed per Force Close Handles call (default 1000); more need a marker. */
    public HandlesReferenceContainer withForceClosePageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("the force-close page size must be at least 1, not " + pageSize);
        }
        return withEnv("HANDLESTCK_FORCE_CLOSE_PAGE_SIZE", String.valueOf(pageSize));
    }

    public String getAccount() {
        return account;
    }

    public String getKey() {
        return key;
    }

    /**
     * The path-style endpoint on the published port, {@code http://127.0.0.1:PORT/ACCOUNT}. A local
     * Docker host is addressed as 127.0.0.1 rather than {@code localhost}: clients may try {@code ::1}
     * first, where Docker does not always publish ports.
     */
    public URI getEndpoint() {
        String host = "localhost".equals(getHost()) ? "127.0.0.1" : getHost();
        return URI.create("http://" + host + ":" + getMappedPort(PORT) + "/" + account);
    }

    /** An Azure Storage connection string for this server, with {@code FileEndpoint=} set to {@link #getEndpoint()}. */
    public String getConnectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + account + ";AccountKey=" + key
                + ";FileEndpoint=" + getEndpoint() + ";";
    }
}
