package io.handlestck.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** How the operations read a request's headers: names in any case, a repeated header as one comma-joined value. */
class ServiceRequestTest {

    private static ServiceRequest withHeaders(HttpFields headers) {
        return new ServiceRequest("GET", headers, "/devstoreaccount1/s", List.of(), "devstoreaccount1", "s", List.of(),
                new byte[0], true, "127.0.0.1:1");
    }

    @Test
    void aHeaderIsFoundWhateverTheCaseOfItsName() {
        ServiceRequest request = withHeaders(HttpFields.build().add("X-MS-Handle-Id", "*").asImmutable());

        assertThat(request.header("x-ms-handle-id")).isEqualTo("*");
        assertThat(request.header("x-ms-recursive")).isNull();
    }

    @Test
    void aRepeatedHeaderIsItsValuesJoinedByCommasInOrder() {
        ServiceRequest request = withHeaders(HttpFields.build().add("x-ms-meta-a", "")
                .add("x-ms-handle-id", "1").add("X-Ms-Handle-Id", "2").add("x-ms-handle-id", "3").asImmutable());

        assertThat(request.header("x-ms-handle-id")).isEqualTo("1,2,3");
        assertThat(request.header("x-ms-meta-a")).isEmpty();
    }
}
