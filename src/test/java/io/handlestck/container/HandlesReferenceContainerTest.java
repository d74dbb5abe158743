package io.handlestck.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.server.ReferenceServer;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** What the module decides before any container exists: image names, defaults, the environment it sets. */
class HandlesReferenceContainerTest {

    @Test
    void refusesAnImageThatIsNotTheReferenceServer() {
        assertThatThrownBy(() -> new HandlesReferenceContainer(DockerImageName.parse("nginx:1.27")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handlestck/reference-server");
    }

    @Test
    void acceptsAnImageDeclaredAsCompatibleSubstitute() {
        DockerImageName mirror = DockerImageName.parse("registry.example:5000/ci/handles-server:7")
                .asCompatibleSubstituteFor(HandlesReferenceContainer.DEFAULT_IMAGE_NAME);
        assertThatCode(() -> new HandlesReferenceContainer(mirror)).doesNotThrowAnyException();
    }

    @Test
    void defaultImageIsTaggedWithTheKitVersion() {
        DockerImageName image = HandlesReferenceContainer.defaultImage();
        assertThat(image.getRepository()).isEqualTo("handlestck/reference-server");
        assertThat(image.getVersionPart()).as("tag filled in by Maven").matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    }

    @Test
    void configurationBecomesTheEnvironmentServeReads() {
        HandlesReferenceContainer container = new HandlesReferenceContainer(HandlesReferenceContainer.DEFAULT_IMAGE_NAME)
                .withAccount("acct1").withKey("a2V5").withForceClosePageSize(3)
                .withDefect("RECURSION_IGNORED").withDefect("no-bom");

        assertThat(container.getEnvMap())
                .containsEntry("HANDLESTCK_SERVER_ACCOUNT", "acct1")
                .containsEntry("HANDLESTCK_SERVER_KEY", "a2V5")
                .containsEntry("HANDLESTCK_SERVER_FORCE_CLOSE_PAGE_SIZE", "3")
                .containsEntry("HANDLESTCK_SERVER_DEFECTS", "RECURSION_IGNORED,NO_BOM");
        assertThat(container.getAccount()).isEqualTo("acct1");
        assertThat(container.getKey()).isEqualTo("a2V5");
        assertThat(container.getExposedPorts()).containsExactly(HandlesReferenceContainer.PORT,
                HandlesReferenceContainer.SMB_PORT);
    }

    @Test
    void refusesAPageSizeBelowOne() {
        HandlesReferenceContainer container = new HandlesReferenceContainer(HandlesReferenceContainer.DEFAULT_IMAGE_NAME);
        assertThatThrownBy(() -> container.withForceClosePageSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadImageNameIsOneLineForTheCommandLine() {
        assertThatThrownBy(() -> ContainerTarget.start("Not A Valid::Image"))
                .isInstanceOf(ContainerUnavailableException.class)
                .hasMessageStartingWith("--image 'Not A Valid::Image' is not a valid image name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** The module names the image's defaults itself (it must not need the server's classes): they are the server's. */
    @Test
    void defaultsAreTheReferenceServers() {
        HandlesReferenceContainer container = new HandlesReferenceContainer(HandlesReferenceContainer.DEFAULT_IMAGE_NAME);

        assertThat(HandlesReferenceContainer.PORT).isEqualTo(ReferenceServer.DEFAULT_PORT);
        assertThat(container.getAccount()).isEqualTo(ReferenceServer.DEV_ACCOUNT);
        assertThat(container.getKey()).isEqualTo(ReferenceServer.DEV_KEY);
    }

    @Test
    void aDefectNameThatCannotBeOneIsRefused() {
        HandlesReferenceContainer container = new HandlesReferenceContainer(HandlesReferenceContainer.DEFAULT_IMAGE_NAME);

        assertThatThrownBy(() -> container.withDefect("MARKER SKIPS")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MARKER SKIPS");
    }
}
