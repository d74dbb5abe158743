package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;

/**
 * Refuses a SharedKey List Handles or Force Close carrying {@code x-ms-file-request-intent} with 400
 * InvalidHeaderValue, as if the header belonged to bearer requests only; the service ignores it there.
 */
final class SharedKeyIntentRefused implements Fault {

    private static final String INTENT_HEADER = "x-ms-file-request-intent";

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        String intent = request.header(INTENT_HEADER);
        if (intent != null && Exchanges.isHandleOperation(request) && !Exchanges.bearerAuthorized(request)) {
            throw ServiceError.invalidHeaderValue(INTENT_HEADER, intent);
        }
        return request;
    }
}
