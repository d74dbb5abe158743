package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Handle;
import org.eclipse.jetty.http.HttpFields;

/**
 * Counts a handle id as closed when it names an open handle of another resource than the one the
 * request addresses: the close is refused as outside the target, but the answer reports one closed,
 * so the caller believes a handle it can still see listed is gone.
 */
final class IdElsewhereCountedAsClosed implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        String id = request.header("x-ms-handle-id");
        if (!Exchanges.succeeded(request, Exchanges.FORCE_CLOSE_HANDLES, answer) || id == null || !id.trim().matches("[0-9]{1,20}")
                || !"0".equals(answer.headers().get("x-ms-number-of-handles-closed"))) {
            return;
        }
        Handle named;
        try {
            named = context.account().handle(Long.parseUnsignedLong(id.trim()));
        } catch (NumberFormatException aboveUint64) {
            return;
        }
        if (named != null && named.isOpen()) {
            answer.header("x-ms-number-of-handles-closed", "1");
        }
    }
}
