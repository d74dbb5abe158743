package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;

/** Refuses a SharedKeyLite Authorization with 400 InvalidAuthenticationInfo, a header parser that knows only SharedKey. */
final class SharedKeyLiteBadRequest implements Fault {

    private static final String LITE = "SharedKeyLite ";

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, LITE, 0, LITE.length())) {
            throw new ServiceError(400, "InvalidAuthenticationInfo",
                    "Authentication information is not given in the correct format. Check the value of Authorization header.");
        }
        return request;
    }
}
