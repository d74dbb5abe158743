package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;

/** Drops {@code sharesnapshot} from the handle operations: they act on the live share's handles. */
final class SnapshotScopeIgnored implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        return Exchanges.isHandleOperation(request) ? request.withQuery("sharesnapshot", null) : request;
    }
}
