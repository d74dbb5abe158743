package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Node;

/** Reads a directory request without {@code x-ms-recursive: true} as if it had it: the whole subtree is touched. */
final class NonRecursiveIncludesChildren implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        if (Exchanges.isHandleOperation(request) && !Boolean.TRUE.equals(Exchanges.recursive(request))
                && (request.header("x-ms-recursive") == null || Exchanges.recursive(request) != null)) {
            Node node = Exchanges.addressedNode(context, request);
            if (node != null && node.isDirectory()) {
                return request.withHeader("x-ms-recursive", "true");
            }
        }
        return request;
    }
}
