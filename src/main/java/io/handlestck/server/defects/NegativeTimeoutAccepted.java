package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;

/** Ignores a {@code timeout} that is negative or not a number instead of refusing it with 400. */
final class NegativeTimeoutAccepted implements Fault {

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,18}");

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        String timeout = request.query("timeout");
        return timeout != null && !SECONDS.matcher(timeout).matches() ? request.withQuery("timeout", null) : request;
    }
}
