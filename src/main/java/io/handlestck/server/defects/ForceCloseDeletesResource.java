package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.model.Node;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;

/**
 * A force close that closes the last handles of a file or empty directory deletes it, as if every
 * handle had been opened delete-on-close: the close is carried out like an SMB close of the last handle.
 */
final class ForceCloseDeletesResource implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        String closed = answer.headers().get("x-ms-number-of-handles-closed");
        if (!Exchanges.succeeded(request, Exchanges.FORCE_CLOSE_HANDLES, answer) || closed == null || closed.equals("0")) {
            return;
        }
        Node node = Exchanges.addressedNode(context, request);
        if (node == null || node.isRoot()) {
            return;
        }
        synchronized (node.namespace()) {
            if (node.namespace().handles().hasOpen(HandleIndex.Scope.own(node))) {
                return;
            }
            try {
                node.namespace().delete(List.of(node.path().split("/")), node.isDirectory());
            } catch (ServiceError keptAnyway) {
                // a directory with children, or a node gone meanwhile: it stays, as past a failed delete-on-close
            }
        }
    }
}
