package io.handlestck.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The embedded API: start on a free port, endpoint and connection string, a taken port, stop. */
class ReferenceServerTest {

    @Test
    void aServerOnPortZeroReportsItsPathStyleEndpointAndConnectionString() throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().port(0).build().start()) {
            assertThat(server.port()).isPositive();
            assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/devstoreaccount1"));
            assertThat(server.connectionString()).isEqualTo("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
                    + ReferenceServer.DEV_KEY + ";FileEndpoint=http://127.0.0.1:" + server.port() + "/devstoreaccount1;");

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/$health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
            assertThat(health.headers().firstValue("Server")).hasValue(ReferenceServer.PRODUCT + "/" + ReferenceServer.version());
        }
    }

    @Test
    void aTakenPortIsABindException() throws Exception {
        try (ReferenceServer first = ReferenceServer.builder().port(0).build().start()) {
            ReferenceServer second = ReferenceServer.builder().port(first.port()).build();
            assertThatThrownBy(second::start).isInstanceOf(BindException.class).hasMessageContaining(Integer.toString(first.port()));
            assertThatThrownBy(second::port).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingStopsServingAndCanBeRepeated() throws Exception {
        ReferenceServer server = ReferenceServer.builder().port(0).account("otheraccount").build().start();
        int port = server.port();
        assertThat(server.endpoint().getPath()).isEqualTo("/otheraccount");
        server.close();
        server.close();

        try (ReferenceServer again = ReferenceServer.builder().port(port).build().start()) {
            assertThat(again.port()).as("the port is free again").isEqualTo(port);
        }
    }
}
