package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.defects.Defect;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.model.Marker;

/** Markers in and out, shared by List Handles and Force Close Handles, with the paging defects switched here. */
final class Paging {

    private Paging() {
    }

    /** Where a page starts: the position the marker names, or the start of the scope without one. */
    static Handle start(ServerContext context, String marker, HandleIndex.Scope scope) {
        if (marker == null || marker.isEmpty()) {
            return null;
        }
        try {
            return Marker.decode(marker, scope);
        } catch (ServiceError malformed) {
            if (context.defect(Defect.MARKER_NOT_VALIDATED)) {
                return null;
            }
            throw malformed;
        }
    }

    /** The marker of the next page, or null when nothing remains. */
    static String nextMarker(ServerContext context, HandleIndex index, HandleIndex.Scope scope, HandleIndex.Page page) {
        Handle next = page.next();
        if (next == null) {
            return null;
        }
        if (context.defect(Defect.MARKER_REPEATS) && page.last() != null) {
            next = page.last();
        } else if (context.defect(Defect.MARKER_SKIPS)) {
            next = index.openAfter(scope, next);
            if (next == null) {
                return null;
            }
        }
        return Marker.encode(next);
    }
}
