package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Leaves {@code x-ms-error-code} out of error answers (the body still names the code). */
final class ErrorCodeHeaderMissing implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        answer.headers().remove("x-ms-error-code");
    }
}
