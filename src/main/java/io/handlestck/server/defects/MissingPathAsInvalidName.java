package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;

/** Answers a handle operation on a missing share, file or directory with 400 InvalidResourceName, as if its name were malformed, instead of 404. */
final class MissingPathAsInvalidName implements Fault {

    @Override
    public ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        return Exchanges.isHandleOperation(request) && (error.code().equals("ResourceNotFound") || error.code().equals("ShareNotFound"))
                ? ServiceError.invalidResourceName()
                : error;
    }
}
