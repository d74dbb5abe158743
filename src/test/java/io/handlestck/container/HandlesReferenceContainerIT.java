package io.handlestck.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.TopContainerResponse;
import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.handlestck.server.ReferenceServer;
import io.handlestck.testsupport.ForceCloseResult;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Testcontainers module against the real image: the server in the container answers signed
 * requests on the published port, serves SMB on the published SMB port, takes its configuration from the module's {@code withX} methods,
 * reports healthy to Docker, and does not run as root.
 */
@ExtendWith(ContainerTestGate.class)
class HandlesReferenceContainerIT {

    private static HandlesReferenceContainer defaults;

    @BeforeAll
    static void startDefaultContainer() {
        defaults = new HandlesReferenceContainer(ContainerTestGate.image());
        defaults.start();
    }

    @AfterAll
    static void stopDefaultContainer() {
        if (defaults != null) {
            defaults.stop();
        }
    }

    @Test
    void endpointOnLoopbackServesHandleOperations() {
        URI endpoint = defaults.getEndpoint();
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isEqualTo(defaults.getMappedPort(HandlesReferenceContainer.PORT));
        assertThat(endpoint.getPath()).isEqualTo("/" + ReferenceServer.DEV_ACCOUNT);

        WireClient client = WireClient.pathStyle(endpoint, defaults.getAccount(), defaults.getKey());
        client.createTree("endpoint", "dir/", "dir/file.txt");
        client.openHandles("endpoint", "dir/file.txt", 3);

        ForceCloseResult closed = client.forceCloseAll(Scope.root("endpoint").recursively(), "*");
        assertThat(closed.closed()).isEqualTo(3);
        assertThat(client.listAllHandles(Scope.root("endpoint").recursively(), null)).isEmpty();
    }

    @Test
    void connectionStringNamesTheEndpointAccountAndKey() {
        assertThat(defaults.getConnectionString()).isEqualTo("DefaultEndpointsProtocol=http;AccountName="
                + ReferenceServer.DEV_ACCOUNT + ";AccountKey=" + ReferenceServer.DEV_KEY + ";FileEndpoint="
                + defaults.getEndpoint() + ";");
    }

    @Test
    void healthEndpointNeedsNoSignature() {
        WireClient client = WireClient.pathStyle(defaults.getEndpoint(), defaults.getAccount(), defaults.getKey());
        WireResponse health = client.requestOutsideAccount("GET", "/$health")
                .scheme(SignedRequest.Scheme.NONE).send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("up");
    }

    @Test
    void dockerHealthcheckReportsHealthy() throws InterruptedException {
        // The image's HEALTHCHECK runs the jar's HealthCheck class; Docker reports its verdict after the first interval.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        String status = healthStatus();
        while (!"healthy".equals(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            status = healthStatus();
        }
        assertThat(status).as("Docker's health status of the container").isEqualTo("healthy");
    }

    @Test
    void serverDoesNotRunAsRoot() {
        TopContainerResponse top = defaults.getDockerClient().topContainerCmd(defaults.getContainerId())
                .withPsArgs("-o pid,uid,args").exec();
        List<String> titles = Arrays.asList(top.getTitles());
        int uid = titles.indexOf("UID");
        assertThat(top.getProcesses()).as("processes of the container").isNotEmpty();
        for (String[] process : top.getProcesses()) {
            assertThat(process[uid]).as("uid of " + String.join(" ", process)).isNotIn("0", "root");
        }
    }

    /**
     * The image serves SMB on the port the module publishes: smbj logs on through it, and the file it
     * holds open is a List Handles entry until it closes it.
     */
    @Test
    void smbOnThePublishedPortOpensHandlesThatRestLists() throws IOException {
        WireClient rest = WireClient.pathStyle(defaults.getEndpoint(), defaults.getAccount(), defaults.getKey());
        rest.createTree("smb", "held.txt");
        Scope file = Scope.of("smb", "held.txt");
        try (SMBClient smb = new SMBClient(SmbConfig.builder().withTimeout(20, TimeUnit.SECONDS).build());
             Connection connection = smb.connect(defaults.getHost(), defaults.getSmbPort())) {
            Session session = connection.authenticate(new AuthenticationContext(defaults.getAccount(),
                    defaults.getKey().toCharArray(), "AZURE"));
            DiskShare share = (DiskShare) session.connectShare("smb");
            try (File held = share.openFile("held.txt", EnumSet.of(AccessMask.FILE_READ_DATA), null,
                    SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null)) {
                assertThat(rest.listAllHandles(file, null)).hasSize(1);
            }
            assertThat(rest.listAllHandles(file, null)).isEmpty();
        }
    }

    @Test
    void accountKeyAndPageSizeComeFromTheModule() {
        String key = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(64));
        try (HandlesReferenceContainer configured = new HandlesReferenceContainer(ContainerTestGate.image())
                .withAccount("tckcontainer").withKey(key).withForceClosePageSize(2)) {
            configured.start();
            assertThat(configured.getEndpoint().getPath()).isEqualTo("/tckcontainer");

            WireClient client = WireClient.pathStyle(configured.getEndpoint(), "tckcontainer", key);
            assertThat(WireClient.expect(client.fixtureRequest("GET", "").send(), 200).json()
                    .path("forceClosePageSize").asInt()).isEqualTo(2);

            client.createTree("paged", "f.txt");
            client.openHandles("paged", "f.txt", 5);
            ForceCloseResult firstPage = client.forceClose(Scope.of("paged", "f.txt"), "*", null);
            assertThat(firstPage.closed()).isEqualTo(2);
            assertThat(firstPage.marker()).isNotBlank();

            WireClient withEmulatorKey = WireClient.pathStyle(configured.getEndpoint(), "tckcontainer", ReferenceServer.DEV_KEY);
            WireResponse refused = withEmulatorKey.request("GET", "paged", "").query("restype", "share").send();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("AuthenticationFailed");
        }
    }

    @Test
    void defectsReachTheServer() {
        try (HandlesReferenceContainer broken = new HandlesReferenceContainer(ContainerTestGate.image())
                .withDefect("CLIENT_REQUEST_ID_NOT_ECHOED").withDefect("REQUEST_ID_REUSED")) {
            broken.start();
            WireClient client = WireClient.pathStyle(broken.getEndpoint(), broken.getAccount(), broken.getKey());
            WireResponse first = client.request("PUT", "defects", "").query("restype", "share")
                    .header("x-ms-client-request-id", "container-it").send();
            WireResponse second = client.request("PUT", "other", "").query("restype", "share").send();

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("x-ms-client-request-id")).as("client request id echo").isEmpty();
            assertThat(second.header("x-ms-request-id")).isEqualTo(first.header("x-ms-request-id"));
        }
    }

    private static String healthStatus() {
        var state = defaults.getDockerClient().inspectContainerCmd(defaults.getContainerId()).exec().getState();
        return state.getHealth() == null ? "none" : state.getHealth().getStatus();
    }
}
