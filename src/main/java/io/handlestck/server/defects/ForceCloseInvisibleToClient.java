package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpFields;

/** The fixture protocol reports a force-closed handle as still open: its SMB client never learns of the close. */
final class ForceCloseInvisibleToClient implements Fault {

    private static final byte[] FORCE_CLOSED = "{\"state\":\"force-closed\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OPEN = "{\"state\":\"open\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (Exchanges.isFixtureRequest(request) && answer.status() == 200 && Arrays.equals(answer.body(), FORCE_CLOSED)) {
            answer.body(answer.contentType(), OPEN);
        }
    }
}
