package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Refuses a bad bearer token with 401 but without the {@code WWW-Authenticate: Bearer …} challenge. */
final class BearerChallengeMissing implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        answer.headers().keySet().removeIf(name -> name.equalsIgnoreCase("WWW-Authenticate"));
    }
}
