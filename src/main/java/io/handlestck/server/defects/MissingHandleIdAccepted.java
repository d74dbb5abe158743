package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;

/** Reads a force close without {@code x-ms-handle-id} as {@code *} instead of refusing it with 400. */
final class MissingHandleIdAccepted implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        if (Exchanges.isOperation(request, Exchanges.FORCE_CLOSE_HANDLES) && request.header("x-ms-handle-id") == null) {
            return request.withHeader("x-ms-handle-id", "*");
        }
        return request;
    }
}
