package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Node;

/** Drops a well-formed {@code x-ms-recursive} from a force close on a file, so it is served instead of refused with 400. */
final class RecursiveOnFileAccepted implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        if (Exchanges.isOperation(request, Exchanges.FORCE_CLOSE_HANDLES) && Exchanges.recursive(request) != null) {
            Node node = Exchanges.addressedNode(context, request);
            if (node != null && !node.isDirectory()) {
                return request.withHeader("x-ms-recursive", null);
            }
        }
        return request;
    }
}
