package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.ops.HandleListing;
import io.handlestck.server.ops.ListHandlesOperation;

/** Ignores {@code maxresults}: every List Handles page holds up to 5000 handles. */
final class MaxresultsIgnored implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        HandleListing service = strategies.listing();
        return strategies.with(draft -> draft.listing = (index, scope, from, max) -> service.list(index, scope, from, ListHandlesOperation.MAX_PAGE));
    }
}
