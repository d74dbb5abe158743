package io.handlestck.container;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.utility.DockerImageName;

/**
 * Decides whether the container tests run, and makes sure they never pass by being skipped where
 * they are meant to run. With {@code -Dhandlestck.container.tests=true} (which {@code .ci/run} turns on)
 * a missing Docker daemon or image fails the class with one line; without it the class is skipped
 * with a message that says how to switch the tests on.
 */
final class ContainerTestGate implements BeforeAllCallback {

    static final String SWITCH = "handlestck.container.tests";
    /** Overrides the image under test (default: the one of this kit's version, as docker/ci-docker.sh tags it). */
    static final String IMAGE_PROPERTY = "handlestck.container.image";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Boolean.getBoolean(SWITCH)) {
            String message = "CONTAINER TESTS SKIPPED: " + context.getDisplayName() + " needs Docker and the reference"
                    + " server image; run docker/ci-docker.sh, then mvn -B verify -D" + SWITCH + "=true";
            System.err.println(message);
            Assumptions.abort(message);
        }
        ContainerTarget.requireDockerAndImage(image());
    }

    static DockerImageName image() {
        String image = System.getProperty(IMAGE_PROPERTY, "");
        return image.isBlank()
                ? HandlesReferenceContainer.defaultImage()
                : DockerImageName.parse(image).asCompatibleSubstituteFor(HandlesReferenceContainer.DEFAULT_IMAGE_NAME);
    }
}
