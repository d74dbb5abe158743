package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;

/**
 * Loses {@code sharesnapshot} on the recursive path of List Handles: a recursive listing of a
 * snapshot's directory shows the live share's handles, while a listing without recursion still
 * honours the snapshot.
 */
final class RecursiveListingDropsSnapshot implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        boolean recursiveListing = Exchanges.isOperation(request, Exchanges.LIST_HANDLES)
                && Boolean.TRUE.equals(Exchanges.recursive(request));
        return recursiveListing && request.query("sharesnapshot") != null ? request.withQuery("sharesnapshot", null) : request;
    }
}
