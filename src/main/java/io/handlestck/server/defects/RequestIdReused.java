package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;

/** Sends one and the same {@code x-ms-request-id} on every answer (and in every error body). */
final class RequestIdReused implements Fault {

    private final String fixedRequestId = UUID.randomUUID().toString();

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        String fresh = answer.headers().get("x-ms-request-id");
        answer.header("x-ms-request-id", fixedRequestId);
        if (answer.status() >= 400 && answer.body().length > 0) {
            String body = new String(answer.body(), StandardCharsets.UTF_8).replace(fresh, fixedRequestId);
            answer.body(answer.contentType(), body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
