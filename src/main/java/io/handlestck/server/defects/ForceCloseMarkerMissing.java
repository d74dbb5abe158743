package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Leaves {@code x-ms-marker} out of a paged force close: the caller believes one page closed everything. */
final class ForceCloseMarkerMissing implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (Exchanges.succeeded(request, Exchanges.FORCE_CLOSE_HANDLES, answer)) {
            answer.headers().remove("x-ms-marker");
        }
    }
}
