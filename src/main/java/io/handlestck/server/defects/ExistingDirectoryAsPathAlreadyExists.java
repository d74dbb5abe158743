package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;

/** Refuses a Create Directory of an existing directory with the Data Lake code PathAlreadyExists instead of ResourceAlreadyExists. */
final class ExistingDirectoryAsPathAlreadyExists implements Fault {

    @Override
    public ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        boolean directoryCreate = Exchanges.isCreate(request) && "directory".equals(request.query("restype"));
        return directoryCreate && error.code().equals("ResourceAlreadyExists")
                ? new ServiceError(409, "PathAlreadyExists", "The specified path already exists.")
                : error;
    }
}
