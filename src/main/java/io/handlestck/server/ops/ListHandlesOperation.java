package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.http.VersionRules;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.xml.HandleListBody;
import java.util.regex.Pattern;

/** {@code GET …?comp=listhandles} on a file, a directory or the share root. */
public final class ListHandlesOperation {

    /** The service's page ceiling: absent or larger maxresults mean this many (swagger MaxResults). */
    public static final int MAX_PAGE = 5000;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,30}");

    private final ServerContext context;

    public ListHandlesOperation(ServerContext context) {
        this.context = context;
    }

    public Reply list(ServiceRequest request) {
        String maxResults = request.query("maxresults");
        Long requested = maxResults == null ? null : parseMaxResults(maxResults);
        int pageSize = requested == null ? MAX_PAGE : (int) Math.min(requested, MAX_PAGE);
        HandleTarget target = HandleTarget.resolve(context, request);
        String marker = request.query("marker");
        Handle from = context.strategies().markerReader().start(marker, target.scope());
        HandleIndex index = target.namespace().handles();
        HandleIndex.Page page = context.strategies().listing().list(index, target.scope(), from, pageSize);
        String nextMarker = context.strategies().markerWriter().next(index, target.scope(), page);
        VersionRules versions = context.strategies().versions();
        HandleListBody.Fields fields = new HandleListBody.Fields(versions.supports(request, ApiVersions.ACCESS_RIGHT_LIST),
                versions.supports(request, ApiVersions.CLIENT_NAME));
        return Reply.status(200).body("application/xml",
                HandleListBody.write(marker, requested == null ? null : requested.toString(), page.handles(),
                        nextMarker == null ? "" : nextMarker, fields));
    }

    /**
     * maxresults: an int32 of at least 1 (swagger {@code minimum: 1}); above 5000 means 5000; 0 or
     * negative is 400 OutOfRangeQueryParameterValue, anything that is not an int32 (spaces, signs,
     * fractions, 20 digits) 400 InvalidQueryParameterValue or OutOfRange, never echoed unparsed.
     */
    private static long parseMaxResults(String maxResults) {
        if (!INTEGER.matcher(maxResults).matches()) {
            throw ServiceError.invalidQueryParameterValue("maxresults", maxResults, "The value is not an integer.");
        }
        long value;
        try {
            value = Long.parseLong(maxResults);
        } catch (NumberFormatException tooLong) {
            value = maxResults.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw ServiceError.outOfRangeQueryParameterValue("maxresults", maxResults, 1, Integer.MAX_VALUE);
        }
        return value;
    }
}
