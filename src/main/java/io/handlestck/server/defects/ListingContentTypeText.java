package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Labels the List Handles body {@code text/plain} instead of {@code application/xml}. */
final class ListingContentTypeText implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (Exchanges.succeeded(request, Exchanges.LIST_HANDLES, answer)) {
            answer.body("text/plain", answer.body());
        }
    }
}
