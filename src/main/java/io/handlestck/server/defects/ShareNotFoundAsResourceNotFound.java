package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;

/** Answers a missing share with 404 ResourceNotFound instead of ShareNotFound. */
final class ShareNotFoundAsResourceNotFound implements Fault {

    @Override
    public ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        boolean shareMissing = request != null && Exchanges.isShareRequest(request)
                && context.account().share(request.share()) == null;
        return shareMissing && error.code().equals("ShareNotFound") ? ServiceError.resourceNotFound() : error;
    }
}
