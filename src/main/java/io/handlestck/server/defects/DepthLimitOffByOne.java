package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;

/**
 * Refuses a handle operation on a path 250 directories deep with 400 InvalidResourceName: the naming
 * rules' depth limit checked with {@code >=} where they allow 250 levels.
 */
final class DepthLimitOffByOne implements Fault {

    private static final int FIRST_REFUSED_DEPTH = 250;

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        if (Exchanges.isHandleOperation(request) && request.segments().size() >= FIRST_REFUSED_DEPTH) {
            throw ServiceError.invalidResourceName();
        }
        return request;
    }
}
