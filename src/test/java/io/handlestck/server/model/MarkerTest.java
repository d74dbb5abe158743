package io.handlestck.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.server.http.ServiceError;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Markers are opaque to clients but exact for the server: they round-trip, and every forgery is a 400. */
class MarkerTest {

    private final Namespace live = new Account("devstoreaccount1").createShare("s").live();
    private final Node directory = live.createDirectory(List.of("d"));
    private final HandleIndex.Scope scope = HandleIndex.Scope.subtree(directory);

    @Test
    void aMarkerRoundTripsTheIndexPositionWithAnUnsignedId() {
        Handle position = Handle.position(directory.pathKey() + Node.KEY_SEPARATOR + "caf\u00e9 \ufffe", -2L);

        String marker = Marker.encode(position);
        Handle decoded = Marker.decode(marker, scope);

        assertThat(marker).matches("1!\\d+![A-Za-z0-9_-]+");
        assertThat(decoded.id()).isEqualTo(-2L);
        assertThat(decoded.pathKey()).isEqualTo(position.pathKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1!", "1!!", "2!4!AAAA", "1!5!AAAA", "1!4!****", "1!4!AAAA", "x!y!z", "1!-1!",
            "1!8!MTIzCmFiYw", "1!99999999999!A"})
    void aMalformedMarkerIsRefusedWith400(String marker) {
        assertThatThrownBy(() -> Marker.decode(marker, scope))
                .isInstanceOfSatisfying(ServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.code()).isEqualTo("InvalidQueryParameterValue");
                    assertThat(error.details()).containsEntry("QueryParameterName", "marker");
                });
    }

    @Test
    void aMarkerIssuedForAnotherResourceIsRefused() {
        Node other = live.createDirectory(List.of("other"));
        String marker = Marker.encode(Handle.position(other.pathKey(), 5));

        assertThatThrownBy(() -> Marker.decode(marker, scope)).isInstanceOf(ServiceError.class);
    }
}
