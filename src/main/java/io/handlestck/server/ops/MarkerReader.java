package io.handlestck.server.ops;

import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.model.Marker;

/** Where a page of List Handles or Force Close Handles starts, read from the request's marker: a strategy both operations take. */
@FunctionalInterface
public interface MarkerReader {

    /** The service's reading: no marker is the start of the scope, a malformed one is 400 InvalidQueryParameterValue. */
    MarkerReader SERVICE = (marker, scope) -> marker == null || marker.isEmpty() ? null : Marker.decode(marker, scope);

    Handle start(String marker, HandleIndex.Scope scope);
}
