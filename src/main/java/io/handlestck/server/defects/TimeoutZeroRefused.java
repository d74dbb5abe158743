package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;

/** Refuses {@code timeout=0} with 400, as if timeouts started at one second; the service accepts any non-negative integer. */
final class TimeoutZeroRefused implements Fault {

    private static final Pattern ZERO = Pattern.compile("0+");

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        String timeout = request.query("timeout");
        if (timeout != null && ZERO.matcher(timeout).matches()) {
            throw ServiceError.outOfRangeQueryParameterValue("timeout", timeout, 1, Integer.MAX_VALUE);
        }
        return request;
    }
}
