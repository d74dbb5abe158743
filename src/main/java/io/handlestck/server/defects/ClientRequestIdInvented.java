package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Sends {@code x-ms-client-request-id} (a copy of {@code x-ms-request-id}) even when the request had none. */
final class ClientRequestIdInvented implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (requestHeaders.get("x-ms-client-request-id") == null) {
            answer.header("x-ms-client-request-id", answer.headers().get("x-ms-request-id"));
        }
    }
}
