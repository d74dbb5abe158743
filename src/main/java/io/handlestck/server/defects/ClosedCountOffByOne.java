package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Adds one to {@code x-ms-number-of-handles-closed} of every successful force close. */
final class ClosedCountOffByOne implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        String closed = answer.headers().get("x-ms-number-of-handles-closed");
        if (Exchanges.succeeded(request, Exchanges.FORCE_CLOSE_HANDLES, answer) && closed != null) {
            answer.header("x-ms-number-of-handles-closed", Long.toString(Long.parseLong(closed) + 1));
        }
    }
}
