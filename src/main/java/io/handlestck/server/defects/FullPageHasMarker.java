package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.ops.HandleClosing;
import io.handlestck.server.ops.HandleListing;

/**
 * Decides that more may follow from the page being full rather than from looking past it: a List
 * Handles page holding exactly maxresults handles, or a Force Close that closed exactly its page
 * size, gets a marker just past its last handle, and following it gives an empty last page.
 */
final class FullPageHasMarker implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        HandleListing listing = strategies.listing();
        HandleClosing.All closeAll = strategies.closing().all();
        return strategies.with(draft -> {
            draft.listing = (index, scope, from, max) -> markedWhenFull(listing.list(index, scope, from, max), max);
            draft.closing = draft.closing.withAll((index, scope, from, max) ->
                    markedWhenFull(closeAll.close(index, scope, from, max), max));
        });
    }

    private static HandleIndex.Page markedWhenFull(HandleIndex.Page page, int max) {
        boolean exactlyFull = page.next() == null && page.last() != null && page.handles().size() == max;
        return exactlyFull ? new HandleIndex.Page(page.handles(), page.last(), page.last().positionAfter()) : page;
    }
}
