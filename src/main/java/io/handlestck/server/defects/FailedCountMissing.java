package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Leaves {@code x-ms-number-of-handles-failed} out of every force close answer. */
final class FailedCountMissing implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (Exchanges.succeeded(request, Exchanges.FORCE_CLOSE_HANDLES, answer)) {
            answer.headers().remove("x-ms-number-of-handles-failed");
        }
    }
}
