package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.defects.Defect;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.xml.HandleListBody;

/** {@code GET …?comp=listhandles} on a file, a directory or the share root. */
public final class ListHandlesOperation {

    /** The service's page ceiling: absent or larger maxresults mean this many (swagger MaxResults). */
    static final int MAX_PAGE = 5000;

    private final ServerContext context;

    public ListHandlesOperation(ServerContext context) {
        this.context = context;
    }

    public Reply list(ServiceRequest request) {
        String maxResults = request.query("maxresults");
        int pageSize = pageSize(maxResults);
        HandleTarget target = HandleTarget.resolve(context, request);
        String marker = request.query("marker");
        Handle from = Paging.start(context, marker, target.scope());
        HandleIndex index = target.namespace().handles();
        HandleIndex.Page page = index.list(target.scope(), from, pageSize, context.defect(Defect.CLOSED_HANDLES_LISTED));
        String nextMarker = Paging.nextMarker(context, index, target.scope(), page);
        boolean allFields = context.defect(Defect.VERSION_GATING_IGNORED);
        HandleListBody.Style style = new HandleListBody.Style(
                !context.defect(Defect.NO_BOM),
                allFields || request.versionAtLeast(ApiVersions.ACCESS_RIGHT_LIST),
                allFields || request.versionAtLeast(ApiVersions.CLIENT_NAME),
                context.defect(Defect.HANDLE_LIST_ELEMENT) ? "HandleList" : "Entries",
                !context.defect(Defect.NEXT_MARKER_OMITTED),
                context.defect(Defect.HANDLE_ELEMENT_ORDER),
                context.defect(Defect.OPEN_TIME_ISO8601),
                context.defect(Defect.PATH_WITH_LEADING_SLASH),
                !context.defect(Defect.PATH_NOT_ENCODED));
        return Reply.status(200).body("application/xml",
                HandleListBody.write(marker, maxResults, page.handles(), nextMarker == null ? "" : nextMarker, style));
    }

    /** maxresults: at least 1 (swagger {@code minimum: 1}), above 5000 means 5000; 0, negative or not a number: 400. */
    private int pageSize(String maxResults) {
        if (maxResults == null || context.defect(Defect.MAXRESULTS_IGNORED)) {
            return MAX_PAGE;
        }
        String value = maxResults.trim();
        if (!value.matches("-?[0-9]{1,30}")) {
            throw ServiceError.invalidQueryParameterValue("maxresults", maxResults, "The value is not an integer.");
        }
        if (value.startsWith("-") || value.replace("0", "").isEmpty()) {
            if (context.defect(Defect.MAXRESULTS_ZERO_ACCEPTED)) {
                return MAX_PAGE;
            }
            throw ServiceError.outOfRangeQueryParameterValue("maxresults", maxResults, 1, Integer.MAX_VALUE);
        }
        return value.length() > 9 ? MAX_PAGE : Math.min(Integer.parseInt(value), MAX_PAGE);
    }
}
