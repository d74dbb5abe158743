package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.ops.ListHandlesOperation;
import java.util.regex.Pattern;

/** Refuses a List Handles {@code maxresults} above 5000 with 400, instead of serving it as 5000. */
final class MaxresultsAboveLimitRefused implements Fault {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,30}");

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        String maxResults = Exchanges.isOperation(request, Exchanges.LIST_HANDLES) ? request.query("maxresults") : null;
        if (maxResults != null && DIGITS.matcher(maxResults).matches()
                && (maxResults.length() > 9 || Long.parseLong(maxResults) > ListHandlesOperation.MAX_PAGE)) {
            throw ServiceError.outOfRangeQueryParameterValue("maxresults", maxResults, 1, ListHandlesOperation.MAX_PAGE);
        }
        return request;
    }
}
