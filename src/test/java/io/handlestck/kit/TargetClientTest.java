package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.Signing;
import io.handlestck.kit.client.Target;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.result.Exchange;
import io.handlestck.server.ReferenceServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's signer and recorder against an independent verifier that recomputes SharedKey over what
 * arrived on the wire: every request shape the kit sends must verify, every deliberate
 * mis-signing must not, and no recorded exchange may carry a secret.
 */
class TargetClientTest {

    private static final String ACCOUNT = ReferenceServer.DEV_ACCOUNT;
    private static final String KEY = ReferenceServer.DEV_KEY;

    private SigningServer server;
    private final List<Exchange> recorded = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new SigningServer(ACCOUNT, KEY);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private TargetClient pathStyle() {
        return new TargetClient(new Target(URI.create(server.base() + "/" + ACCOUNT), ACCOUNT, KEY, "2025-05-05"),
                recorded::add);
    }

    @Test
    void pathStyleRequestsOfEveryShapeVerify() {
        TargetClient client = pathStyle();
        assertThat(client.createShare("share-a").statusCode()).isEqualTo(200);
        assertThat(client.createDirectory("share-a", "dir with space/ünï").statusCode()).isEqualTo(200);
        assertThat(client.createFile("share-a", "dir with space/ünï/f+1.txt").statusCode()).isEqualTo(200);
        assertThat(client.listHandles(ListHandlesCall.on("share-a", "dir with space").recursive(true).maxResults(2)
                .marker("1!36!abc+/=").snapshot("2026-11-25T10:00:00.0000000Z")).statusCode()).isEqualTo(200);
        assertThat(client.forceClose(ForceCloseCall.on("share-a", "").allHandles().recursive(true)).statusCode())
                .isEqualTo(200);
        assertThat(client.request().contentType("application/json").body("{\"share\":\"s\",\"path\":\"é\"}")
                .post(client.target().endpoint() + "/$fixtures/handles").statusCode()).isEqualTo(200);
        assertThat(client.deleteShare("share-a").statusCode()).isEqualTo(200);
        assertThat(server.seen()).hasSize(7).allMatch(SigningServer.Seen::verified);
    }

    @Test
    void pathStyleSignsTheAccountTwiceAndTheQueryDecoded() {
        pathStyle().listHandles(ListHandlesCall.on("s", "a b").marker("x/y=").timeout("5"));
        SigningServer.Seen seen = server.last();
        assertThat(seen.rawPath()).isEqualTo("/" + ACCOUNT + "/s/a%20b");
        assertThat(seen.stringToSign()).contains("/" + ACCOUNT + "/" + ACCOUNT + "/s/a%20b\ncomp:listhandles\nmarker:x/y=\ntimeout:5");
        assertThat(seen.headers()).containsEntry("x-ms-version", "2025-05-05").containsKey("x-ms-date");
    }

    @Test
    void hostStyleSignsTheAccountOnce() throws Exception {
        try (SigningServer hostStyle = new SigningServer("acct", KEY)) {
            TargetClient client = new TargetClient(new Target(hostStyle.base(), "acct", KEY, "2025-05-05"), recorded::add);
            assertThat(client.forceClose(ForceCloseCall.on("s", "d").handleId("123")).statusCode()).isEqualTo(200);
            assertThat(hostStyle.last().stringToSign()).endsWith("\n/acct/s/d\ncomp:forceclosehandles");
        }
    }

    @Test
    void sharedKeyLiteVerifies() {
        assertThat(pathStyle().listHandles(ListHandlesCall.on("s", ""), Signing.sharedKeyLite()).statusCode())
                .isEqualTo(200);
        assertThat(server.last().headers().get("Authorization")).startsWith("SharedKeyLite " + ACCOUNT + ":");
    }

    @Test
    void deliberateMisSigningsDoNotVerify() {
        TargetClient client = pathStyle();
        ListHandlesCall call = ListHandlesCall.on("s", "");
        assertThat(client.listHandles(call, Signing.sharedKey().tampered()).statusCode()).isEqualTo(403);
        assertThat(client.listHandles(call, Signing.sharedKey().withKey(
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")).statusCode())
                .isEqualTo(403);
        assertThat(client.listHandles(call, Signing.sharedKey().withAccount("other")).statusCode()).isEqualTo(403);
        assertThat(client.listHandles(call, Signing.unsigned()).statusCode()).isEqualTo(403);
        assertThat(server.last().headers()).doesNotContainKey("Authorization");
    }

    @Test
    void dateAndVersionVariationsAreSentAsAsked() {
        TargetClient client = pathStyle();
        client.listHandles(ListHandlesCall.on("s", ""), Signing.sharedKey().withoutDate().withoutVersion());
        assertThat(server.last().headers()).doesNotContainKeys("x-ms-date", "x-ms-version");
        client.listHandles(ListHandlesCall.on("s", ""), Signing.sharedKey().withClockSkew(Duration.ofHours(-1)));
        assertThat(server.last().verified()).isTrue();
        assertThat(server.last().headers().get("x-ms-date")).endsWith("GMT");
    }

    @Test
    void aCaseOverridesTheVersionInsteadOfSendingTwo() {
        pathStyle().request().header("x-ms-version", "2019-02-02").get(pathStyle().url("s", "") + "?comp=listhandles");
        assertThat(server.last().headers()).containsEntry("x-ms-version", "2019-02-02");
        assertThat(server.last().verified()).isTrue();
    }

    @Test
    void recordedExchangesCarryNoSecret() {
        TargetClient client = pathStyle();
        client.listHandles(ListHandlesCall.on("s", "").header("x-ms-client-request-id", "abc"));
        client.request(Signing.unsigned()).get(client.url("s", "") + "?comp=listhandles&sv=2025-05-05&sig=c2VjcmV0");
        assertThat(recorded).hasSize(2);
        Exchange signed = recorded.get(0);
        assertThat(signed.method()).isEqualTo("GET");
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.requestHeaders().get("Authorization")).singleElement().asString()
                .isEqualTo("SharedKey " + ACCOUNT + ":<scrubbed>");
        assertThat(signed.requestHeaders()).containsEntry("x-ms-client-request-id", List.of("abc"));
        assertThat(signed.responseHeaders().keySet()).anyMatch(name -> name.equalsIgnoreCase("Server"));
        assertThat(recorded.get(1).url()).contains("sig=<scrubbed>").doesNotContain("c2VjcmV0");
        assertThat(recorded.toString()).doesNotContain(KEY).doesNotContain("c2VjcmV0");
    }
}
