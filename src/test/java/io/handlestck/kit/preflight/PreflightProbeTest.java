package io.handlestck.kit.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.handlestck.kit.client.Target;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.server.ReferenceServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preflight against real targets: the reference server, the same with a wrong key, a port nothing
 * listens on, a plain web server that is not storage at all, and Azurite's blob service (what a
 * newcomer points the kit at first). Each gets the one finding a person acts on, and never "400 null".
 */
class PreflightProbeTest {

    private static final String VERSION = KitConfig.DEFAULT_VERSION;
    static ReferenceServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = ReferenceServer.builder().port(0).build().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void theReferenceServerPassesWithWhatItOffers() throws IOException {
        try (ServerSocket smb = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Preflight preflight = PreflightProbe.probe(target(server.endpoint(), server.key()), "htck-pf-ok",
                    new InetSocketAddress("127.0.0.1", smb.getLocalPort()));

            assertThat(preflight.ok()).isTrue();
            assertThat(preflight.cause()).isNull();
            assertThat(preflight.finding()).startsWith("the target serves the Azure Files REST API: Create Share 201,"
                    + " List Handles 200; handles: fixture protocol hfp/1; SMB: open; Server: " + ReferenceServer.PRODUCT);
            assertThat(preflight.checks()).contains("Create Share: 201", "List Handles: 200", "Delete Share: 202",
                    "TLS: not used (http)");
        }
        assertThat(new io.handlestck.kit.client.TargetClient(target(server.endpoint(), server.key()), exchange -> { })
                .listHandles(io.handlestck.kit.client.ListHandlesCall.on("htck-pf-ok", "")).getStatusCode())
                .as("the probe deletes its share again").isEqualTo(404);
    }

    @Test
    void aWrongKeyIsNamedAsSuch() {
        String wrongKey = Base64.getEncoder().encodeToString("not the account key".getBytes(StandardCharsets.UTF_8));
        Preflight preflight = PreflightProbe.probe(target(server.endpoint(), wrongKey), "htck-pf-key", null);

        assertThat(preflight.ok()).isFalse();
        assertThat(preflight.finding()).isEqualTo("every request is refused with 403 AuthenticationFailed:"
                + " check the account name and key");
        assertThat(preflight.cause()).isEqualTo(new Preflight.Cause("Create Share", "403 AuthenticationFailed"));
        assertNoNullCode(preflight);
    }

    @Test
    void aPortNothingListensOnIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Preflight preflight = PreflightProbe.probe(target(URI.create("http://127.0.0.1:" + closed + "/devstoreaccount1"),
                ReferenceServer.DEV_KEY), "htck-pf-closed", new InetSocketAddress("127.0.0.1", closed));

        assertThat(preflight.ok()).isFalse();
        assertThat(preflight.finding()).isEqualTo("the target cannot be reached: nothing accepts connections on 127.0.0.1:"
                + closed + " (connection refused)");
        assertThat(preflight.cause()).isNull();
    }

    @Test
    void aWebServerThatIsNotStorageDoesNotImplementTheApi() throws IOException {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html><body>Welcome</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Server", "TinyWeb/1.0");
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        try {
            Preflight preflight = PreflightProbe.probe(target(URI.create("http://127.0.0.1:" + web.getAddress().getPort()
                    + "/devstoreaccount1"), ReferenceServer.DEV_KEY), "htck-pf-web", null);

            assertThat(preflight.ok()).isFalse();
            assertThat(preflight.finding()).isEqualTo("this endpoint does not implement the Azure Files REST API:"
                    + " Create Share answered 200 (a File service answers 201); Server: TinyWeb/1.0");
            assertNoNullCode(preflight);
        } finally {
            web.stop(0);
        }
    }

    @Test
    void azuritesBlobServiceIsNotAFileService() throws Exception {
        try (Azurite azurite = Azurite.start()) {
            Preflight preflight = PreflightProbe.probe(target(azurite.endpoint(), ReferenceServer.DEV_KEY), "htck-pf-azurite",
                    null);

            assertThat(preflight.ok()).isFalse();
            assertThat(preflight.finding()).startsWith("this endpoint does not implement the Azure Files REST API:"
                    + " Create Share answered 400 ").endsWith("; Server: Azurite-Blob/" + Azurite.VERSION);
            assertThat(preflight.cause().operation()).isEqualTo("Create Share");
            assertNoNullCode(preflight);
        }
    }

    private static void assertNoNullCode(Preflight preflight) {
        assertThat(preflight.finding()).doesNotContainPattern("\\d{3} null");
        assertThat(preflight.checks()).noneMatch(check -> check.matches(".*\\d{3} null.*"));
    }

    private static Target target(URI endpoint, String key) {
        return new Target(endpoint, ReferenceServer.DEV_ACCOUNT, key, VERSION);
    }
}
