package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Node;

/** Drops {@code x-ms-recursive: true} on a directory: the operation then touches only the directory's own handles. */
final class RecursionIgnored implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        if (Exchanges.isHandleOperation(request) && Boolean.TRUE.equals(Exchanges.recursive(request))) {
            Node node = Exchanges.addressedNode(context, request);
            if (node != null && node.isDirectory()) {
                return request.withHeader("x-ms-recursive", null);
            }
        }
        return request;
    }
}
