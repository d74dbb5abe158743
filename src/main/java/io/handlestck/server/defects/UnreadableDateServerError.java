package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.http.WireFormats;

/**
 * Answers a request whose Date or x-ms-date is not an RFC 1123 date with 500 InternalError instead of
 * refusing it: a date parser whose failure escapes as an exception, not as the authentication error.
 */
final class UnreadableDateServerError implements Fault {

    @Override
    public ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        return error.status() == 403 && request != null && dateUnreadable(request)
                ? new ServiceError(500, "InternalError", "Server encountered an internal error. Please try again after some time.")
                : error;
    }

    private static boolean dateUnreadable(ServiceRequest request) {
        String date = request.header("x-ms-date") != null ? request.header("x-ms-date") : request.header("Date");
        return date != null && WireFormats.parseRfc1123(date).isEmpty();
    }
}
