package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;

/**
 * Takes every bearer-authorized Force Close for {@code *}: with a backup intent the server closes all
 * the handles of the path, whichever one {@code x-ms-handle-id} named.
 */
final class BearerForceCloseClosesAll implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        if (Exchanges.isOperation(request, Exchanges.FORCE_CLOSE_HANDLES) && Exchanges.bearerAuthorized(request)
                && request.header("x-ms-handle-id") != null) {
            return request.withHeader("x-ms-handle-id", "*");
        }
        return request;
    }
}
