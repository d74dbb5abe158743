package io.handlestck.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * The reference server in a container as a kit target, for {@code run --container [--image NAME]}:
 * starts the container, tells the kit where it is, and stops it when closed.
 *
 * <pre>{@code
 * try (ContainerTarget target = ContainerTarget.start(null)) {   // null: the image of this kit's version
 *     run the kit against target.endpoint(), target.account(), target.key()
 * }
 * }</pre>
 *
 * Everything that can go wrong before the server answers (no Docker, image not built, container
 * not starting) is a {@link ContainerUnavailableException} with one line that says what to do.
 */
public final class ContainerTarget implements AutoCloseable {

    private static final String RYUK_REPOSITORY = "testcontainers/ryuk";

    private final HandlesReferenceContainer container;

    private ContainerTarget(HandlesReferenceContainer container) {
        this.container = container;
    }

    /**
     * Starts the reference server image {@code image} (for example {@code handlestck/reference-server:0.1.0}),
     * or {@link HandlesReferenceContainer#defaultImage()} when {@code image} is null or blank, and waits
     * until it is healthy.
     */
    public static ContainerTarget start(String image) {
        DockerImageName imageName = parseImage(image);
        requireDockerAndImage(imageName);
        skipStartupChecksUnlessConfigured();
        HandlesReferenceContainer container = new HandlesReferenceContainer(imageName);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new ContainerUnavailableException("the container of " + imageName.asCanonicalNameString()
                    + " did not become healthy: " + rootMessage(e), e);
        }
        return new ContainerTarget(container);
    }

    public URI endpoint() {
        return container.getEndpoint();
    }

    public String account() {
        return container.getAccount();
    }

    public String key() {
        return container.getKey();
    }

    public String connectionString() {
        return container.getConnectionString();
    }

    /** The image the container runs, for the report's description of the target. */
    public String image() {
        return container.getDockerImageName();
    }

    /** Stops and removes the container. */
    @Override
    public void close() {
        container.stop();
    }

    private static DockerImageName parseImage(String image) {
        if (image == null || image.isBlank()) {
            return HandlesReferenceContainer.defaultImage();
        }
        try {
            DockerImageName name = DockerImageName.parse(image);
            name.assertValid();
            // A user's own build of the project's Dockerfile may have any name.
            return name.asCompatibleSubstituteFor(HandlesReferenceContainer.DEFAULT_IMAGE_NAME);
        } catch (IllegalArgumentException e) {
            throw new ContainerUnavailableException("--image '" + image + "' is not a valid image name: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Fails with one line, before Testcontainers gets a chance to spend minutes retrying pulls: when
     * no Docker daemon answers, when the project's image was never built here, and when Testcontainers'
     * Ryuk reaper is on but its image is not on this machine. Looks only, with a plain client, because
     * the first use of Testcontainers' own client starts Ryuk, and where no registry answers a pull
     * is retried for minutes.
     */
    static void requireDockerAndImage(DockerImageName imageName) {
        TransportConfig transport;
        try {
            transport = DockerClientFactory.instance().getTransportConfig();
        } catch (RuntimeException e) {
            throw new ContainerUnavailableException("no Docker daemon answered (tried DOCKER_HOST and"
                    + " /var/run/docker.sock): start dockerd, or run the kit without --container", e);
        }
        try (DockerClient docker = DockerClientProviderStrategy.getClientForConfig(transport)) {
            // An image that is absent but may live on a registry is left for Testcontainers to pull.
            boolean projectImage = imageName.getRegistry().isEmpty()
                    && imageName.getRepository().equals(HandlesReferenceContainer.DEFAULT_IMAGE_NAME.getRepository());
            if (projectImage && !presentLocally(docker, imageName.asCanonicalNameString())) {
                throw new ContainerUnavailableException("image " + imageName.asCanonicalNameString()
                        + " is not built on this machine: run docker/ci-docker.sh (see docker/README.md)");
            }
            // Ryuk's tag is Testcontainers' internal choice: any local copy means pulls worked here before.
            if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))
                    && docker.listImagesCmd().withReferenceFilter(RYUK_REPOSITORY).exec().isEmpty()) {
                throw new ContainerUnavailableException("Testcontainers' reaper image (" + RYUK_REPOSITORY + ") is not"
                        + " on this machine and may not be pullable: set TESTCONTAINERS_RYUK_DISABLED=true (the kit"
                        + " stops its container itself)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean presentLocally(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    /**
     * Testcontainers' startup checks run a throwaway {@code alpine} container to measure free disk
     * space: nothing the kit's one small container needs, and two minutes of pull retries where no
     * registry answers. They stay on when the user configured them (environment or
     * {@code ~/.testcontainers.properties}); this only changes this JVM's in-memory default.
     */
    private static void skipStartupChecksUnlessConfigured() {
        if (System.getenv("TESTCONTAINERS_CHECKS_DISABLE") == null) {
            TestcontainersConfiguration.getInstance().getUserProperties().putIfAbsent("checks.disable", "true");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
    }
}
