package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Leaves {@code x-ms-version} out of error answers: only successes echo it. */
final class VersionNotEchoedOnErrors implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (answer.status() >= 400) {
            answer.headers().remove("x-ms-version");
        }
    }
}
