package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Serves a request without {@code x-ms-version} as the newest version (and says so) instead of refusing it with 400. */
final class MissingVersionAccepted implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        boolean missing = Exchanges.isShareRequest(request) && request.header("x-ms-version") == null;
        return missing ? request.withHeader("x-ms-version", ApiVersions.NEWEST) : request;
    }

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (requestHeaders.get("x-ms-version") == null) {
            answer.header("x-ms-version", ApiVersions.NEWEST);
        }
    }
}
