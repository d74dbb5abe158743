package io.handlestck.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.server.ReferenceServer;
import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.WireClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The short, seeded fuzz run of every {@code mvn verify}: a few thousand mutated, re-signed List
 * Handles and Force Close calls and raw malformed requests against a server with a small Force Close
 * page (so markers occur). The long run is {@code bench/fuzz.sh} (100,000 requests, a new seed each time).
 * A seed that fails here or there replays with {@code -Dhandlestck.fuzz.seed=SEED}.
 */
class HttpFuzzTest {

    static final int REQUESTS = Integer.getInteger("handlestck.fuzz.requests", 2_000);
    static final long SEED = Long.getLong("handlestck.fuzz.seed", 20261201L);

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.forceClosePageSize(5));

    @Test
    void noRequestGetsA5xxABrokenErrorOrClosesAHandleItDoesNotReport() throws Exception {
        WireClient client = SERVER.client();
        HttpFuzzer.Outcome outcome = new HttpFuzzer(client, SEED, EmbeddedServer.newShareName(),
                EmbeddedServer.newShareName()).run(REQUESTS);

        System.out.println(outcome);
        // The mutations must reach the operations, not only the gate: some calls succeed and close handles.
        assertThat(outcome.statuses()).containsKey(200);
        assertThat(outcome.closedReported()).isPositive();
        assertThat(outcome.statuses().keySet()).allMatch(status -> status < 500 || status == 505);
    }

    @Test
    void anUnknownHttpVersionIs505WithAnXmlError() throws Exception {
        ReferenceServer server = SERVER.server();
        for (String version : new String[] {"HTTP/9.9", "HTTP/1.2"}) {
            RawAnswer answer = RawHttpConnection.once("127.0.0.1", server.port(),
                    ("GET / " + version + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes());

            assertThat(answer).as(version).isNotNull();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(505);
            assertThat(answer.header("x-ms-error-code")).isEqualTo("UnsupportedHttpVersion");
            assertThat(answer.text()).contains("<Code>UnsupportedHttpVersion</Code>");
        }
    }
}
