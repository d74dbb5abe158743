package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.kit.client.Target;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.provision.HandleProvisioner;
import io.handlestck.kit.provision.HandleRequest;
import io.handlestck.kit.provision.HandleState;
import io.handlestck.kit.provision.OpenedHandle;
import io.handlestck.kit.provision.Provisioners;
import io.handlestck.server.ReferenceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the provisioner, and what each one can and cannot make. */
class ProvisionersTest {

    @TempDir
    Path dir;

    @Test
    void autoFindsTheFixtureProtocolAndItOpensObservesAndClosesHandles() throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().forceClosePageSize(7).build().start()) {
            TargetClient client = client(server);
            KitConfig config = KitAgainstReferenceServerMetaTest.configFor(server);
            HandleProvisioner fixture = Provisioners.choose(config, client.provisioning(config)).create(client.provisioning(config));
            assertThat(fixture.name()).isEqualTo("fixture");
            assertThat(fixture.forceClosePageSize()).hasValue(7);
            assertThat(client.createShare("prov").statusCode()).isEqualTo(201);
            assertThat(client.createFile("prov", "f.txt").statusCode()).isEqualTo(201);

            List<OpenedHandle> handles = fixture.open(HandleRequest.on("prov", "f.txt").count(2));

            assertThat(handles).hasSize(2).allSatisfy(h -> assertThat(h.handleId()).matches("[0-9]+"));
            assertThat(fixture.state("prov", handles.get(0).handleId())).isEqualTo(HandleState.OPEN);
            fixture.closeAsClient("prov", handles.get(0).handleId());
            assertThat(fixture.state("prov", handles.get(0).handleId())).isEqualTo(HandleState.CLOSED);
            assertThatThrownBy(() -> fixture.open(HandleRequest.on("prov", "missing.txt")))
                    .isInstanceOf(PreconditionNotMet.class);
        }
    }

    @Test
    void withoutFixturesAutoFallsBackToNoneWhichExplainsEveryRefusal() throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().fixtures(false).build().start()) {
            TargetClient client = client(server);
            KitConfig config = KitAgainstReferenceServerMetaTest.configFor(server);
            HandleProvisioner none = Provisioners.choose(config, client.provisioning(config)).create(client.provisioning(config));
            assertThat(none.name()).isEqualTo("none");
            assertThat(none.capabilities()).isEmpty();
            assertThatThrownBy(() -> none.open(HandleRequest.on("s", ""))).isInstanceOf(PreconditionNotMet.class)
                    .hasMessageContaining("Handle Fixture Protocol");

            KitConfig fixtureDemanded = KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(),
                    "key", server.key(), "provisioner", "fixture"), new Properties(), Map.of(), null);
            assertThatThrownBy(() -> Provisioners.choose(fixtureDemanded, client.provisioning(fixtureDemanded)))
                    .isInstanceOf(KitConfigException.class).hasMessageContaining("does not work on");
            KitConfig unknown = KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(),
                    "key", server.key(), "provisioner", "smb-magic"), new Properties(), Map.of(), null);
            assertThatThrownBy(() -> Provisioners.choose(unknown, client.provisioning(unknown)))
                    .isInstanceOf(KitConfigException.class).hasMessageContaining("unknown provisioner 'smb-magic'");
        }
    }

    @Test
    void preopenedHandsOutOnlyTheListedHandlesAndNeverActsOnThem() throws Exception {
        Path yaml = Files.writeString(dir.resolve("kit.yaml"), "endpoint: http://127.0.0.1:1/devstoreaccount1\nkey: "
                + ReferenceServer.DEV_KEY + "\nprovisioner: preopened\npreopened:\n"
                + "  - {share: users, path: a/b.txt, handleId: '11'}\n  - {share: users, path: a/b.txt, handleId: '12'}\n");
        KitConfig config = KitConfig.resolve(Map.of(), new Properties(), Map.of(), yaml);
        TargetClient unused = new TargetClient(new Target(config.endpoint(), config.account(), config.key(),
                config.version()), exchange -> { });
        HandleProvisioner preopened = Provisioners.choose(config, unused.provisioning(config)).create(unused.provisioning(config));

        assertThat(preopened.capabilities()).containsExactly(Capability.PREOPENED);
        assertThat(preopened.open(HandleRequest.on("users", "a/b.txt").count(2)))
                .extracting(OpenedHandle::handleId).containsExactly("11", "12");
        assertThatThrownBy(() -> preopened.open(HandleRequest.on("users", "a/b.txt").count(3)))
                .isInstanceOf(PreconditionNotMet.class).hasMessageContaining("lists 2 preopened handle(s)");
        assertThatThrownBy(() -> preopened.state("users", "11")).isInstanceOf(PreconditionNotMet.class);
        assertThatThrownBy(() -> preopened.closeAsClient("users", "11")).isInstanceOf(PreconditionNotMet.class);
    }

    private static TargetClient client(ReferenceServer server) {
        return new TargetClient(new Target(server.endpoint(), server.account(), server.key(), KitConfig.DEFAULT_VERSION),
                exchange -> { });
    }
}
