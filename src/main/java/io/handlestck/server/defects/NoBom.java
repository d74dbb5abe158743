package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpFields;

/** Sends the XML bodies (List Handles and errors) without the UTF-8 byte order mark. */
final class NoBom implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        byte[] body = answer.body();
        boolean xmlAnswer = answer.status() >= 400 || Exchanges.succeeded(request, Exchanges.LIST_HANDLES, answer);
        if (xmlAnswer && body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            answer.body(answer.contentType(), Arrays.copyOfRange(body, 3, body.length));
        }
    }
}
