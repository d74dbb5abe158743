package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Echoes {@code x-ms-client-request-id} of visible ASCII however long it is, past the 1024-character limit. */
final class ClientRequestIdNotLimited implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        String clientRequestId = requestHeaders.get("x-ms-client-request-id");
        if (clientRequestId != null && clientRequestId.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            answer.header("x-ms-client-request-id", clientRequestId);
        }
    }
}
