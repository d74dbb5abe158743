package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Answers Create Share, Create Directory and Create File with the ETag's value but without its quotes. */
final class CreateEtagUnquoted implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        String etag = answer.headers().get("ETag");
        if (etag != null && answer.status() == 201 && Exchanges.isCreate(request)) {
            answer.headers().put("ETag", etag.replace("\"", ""));
        }
    }
}
