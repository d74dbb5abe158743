package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Sends an empty {@code x-ms-marker} header on a force close that leaves nothing open, instead of leaving the header out. */
final class EmptyMarkerOnLastPage implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (Exchanges.succeeded(request, Exchanges.FORCE_CLOSE_HANDLES, answer) && !answer.headers().containsKey("x-ms-marker")) {
            answer.header("x-ms-marker", "");
        }
    }
}
