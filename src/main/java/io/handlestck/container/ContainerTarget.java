package io.handlestck.container;

import com.github.dockerjava.api.exception.NotFoundException;
import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

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
        HandlesReferenceContainer container = new HandlesReferenceContainer(imageName);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new ContainerUnavailableException("the container of " + imageName.asCanonicalNameString()
                    + " did not become healthy: " + rootMessage(e) + ryukHint(e), e);
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

    /** Fails with one line when Docker does not answer or the project's image was never built here. */
    static void requireDockerAndImage(DockerImageName imageName) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new ContainerUnavailableException("no Docker daemon answered (tried DOCKER_HOST and"
                    + " /var/run/docker.sock): start dockerd, or run the kit without --container");
        }
        // The usual mistake is an image never built here; one that is absent but lives on a registry is
        // left for Testcontainers to pull.
        try {
            DockerClientFactory.instance().client().inspectImageCmd(imageName.asCanonicalNameString()).exec();
        } catch (NotFoundException absent) {
            if (imageName.getRepository().equals(HandlesReferenceContainer.DEFAULT_IMAGE_NAME.getRepository())
                    && imageName.getRegistry().isEmpty()) {
                throw new ContainerUnavailableException("image " + imageName.asCanonicalNameString()
                        + " is not built on this machine: run docker/ci-docker.sh (see docker/README.md)", absent);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
    }

    /** Testcontainers starts its Ryuk reaper from a public image; where nothing can be pulled it must be off. */
    private static String ryukHint(Throwable e) {
        boolean ryukDisabled = Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
        String text = String.valueOf(e.getMessage()) + rootMessage(e);
        return !ryukDisabled && text.toLowerCase().contains("ryuk")
                ? " (without registry access set TESTCONTAINERS_RYUK_DISABLED=true; the kit stops its container itself)"
                : "";
    }
}
