package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.ops.HandleListing;

/**
 * Decides that more may follow from the page being full rather than from looking past it: a List
 * Handles page holding exactly maxresults handles gets a marker just past its last handle, and
 * following it lists an empty last page.
 */
final class FullPageHasMarker implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        HandleListing service = strategies.listing();
        return strategies.with(draft -> draft.listing = (index, scope, from, max) -> {
            HandleIndex.Page page = service.list(index, scope, from, max);
            boolean exactlyFull = page.next() == null && page.last() != null && page.handles().size() == max;
            return exactlyFull ? new HandleIndex.Page(page.handles(), page.last(), page.last().positionAfter()) : page;
        });
    }
}
