package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;

/** Answers a successful force close with a small XML body instead of an empty one. */
final class ForceCloseXmlBody implements Fault {

    private static final byte[] RESULT = "<?xml version=\"1.0\" encoding=\"utf-8\"?><ForceCloseHandlesResult />"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (Exchanges.succeeded(request, Exchanges.FORCE_CLOSE_HANDLES, answer)) {
            answer.body("application/xml", RESULT);
        }
    }
}
