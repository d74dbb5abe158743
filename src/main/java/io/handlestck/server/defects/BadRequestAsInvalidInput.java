package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;

/**
 * Refuses every malformed input of the handle operations with the one generic code InvalidInput,
 * whichever header, parameter or name was wrong: still a 400 with an XML error, but not the code the
 * service gives.
 */
final class BadRequestAsInvalidInput implements Fault {

    @Override
    public ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        return Exchanges.isHandleOperation(request) && error.status() == 400 && !error.code().equals("InvalidInput")
                ? ServiceError.invalidInput("The request is malformed.")
                : error;
    }
}
