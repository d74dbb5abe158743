package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.ops.HandleClosing;
import io.handlestck.server.ops.HandleListing;
import java.util.List;

/**
 * Forgets the recursion once a marker is followed: the first page of a recursive List Handles or
 * Force Close covers the directory and its descendants, every page resumed from a marker only the
 * directory's own handles, so a paged recursive call ends early and leaves descendants out.
 */
final class RecursiveMarkerLosesRecursion implements Fault {

    private static final HandleIndex.Page NOTHING_LEFT = new HandleIndex.Page(List.of(), null, null);

    @Override
    public Strategies strategies(Strategies strategies) {
        HandleListing listing = strategies.listing();
        HandleClosing.All closeAll = strategies.closing().all();
        return strategies.with(draft -> {
            draft.listing = (index, scope, from, max) -> {
                HandleIndex.Scope resumed = resumed(scope, from);
                return resumed == null ? NOTHING_LEFT : listing.list(index, resumed, from, max);
            };
            draft.closing = draft.closing.withAll((index, scope, from, max) -> {
                HandleIndex.Scope resumed = resumed(scope, from);
                return resumed == null ? NOTHING_LEFT : closeAll.close(index, resumed, from, max);
            });
        });
    }

    /**
     * The scope a call acts on: unchanged for a first page; from a marker on, the addressed node's own
     * handles (path keys of the scope's start key followed by U+0001, see {@link HandleIndex}), or null
     * when the marker points past them and the call finds nothing left.
     */
    private static HandleIndex.Scope resumed(HandleIndex.Scope scope, Handle from) {
        if (from == null) {
            return scope;
        }
        HandleIndex.Scope own = new HandleIndex.Scope(scope.fromKey(), scope.fromKey() + '\u0001');
        return own.contains(from) ? own : null;
    }
}
