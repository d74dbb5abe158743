package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;

/** Answers a create or delete beneath a missing directory with 404 ResourceNotFound instead of ParentNotFound. */
final class MissingParentAsResourceNotFound implements Fault {

    @Override
    public ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        return request != null && Exchanges.isShareRequest(request) && error.code().equals("ParentNotFound")
                ? ServiceError.resourceNotFound()
                : error;
    }
}
