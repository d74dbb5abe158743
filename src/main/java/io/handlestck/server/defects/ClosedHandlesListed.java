package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.ops.HandleClosing;
import io.handlestck.server.ops.HandleListing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Force-closed handles stay listed: this fault remembers every handle a force close closed, per
 * index, and merges them back into each List Handles page in index order, as a server that forgot
 * to drop them from its listing would.
 */
final class ClosedHandlesListed implements Fault {

    private final Map<HandleIndex, NavigableSet<Handle>> closedByIndex =
            Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public Strategies strategies(Strategies strategies) {
        HandleClosing service = strategies.closing();
        HandleListing listing = strategies.listing();
        return strategies.with(draft -> {
            draft.closing = service.withAll((index, scope, from, max) -> {
                HandleIndex.Page page = service.all().close(index, scope, from, max);
                closed(index).addAll(page.handles());
                return page;
            }).withOne((index, handle) -> {
                boolean closedNow = service.one().close(index, handle);
                if (closedNow) {
                    closed(index).add(handle);
                }
                return closedNow;
            });
            draft.listing = (index, scope, from, max) ->
                    withClosed(listing.list(index, scope, from, max), index, scope, from, max);
        });
    }

    private NavigableSet<Handle> closed(HandleIndex index) {
        return closedByIndex.computeIfAbsent(index, any -> new ConcurrentSkipListSet<>(Handle.INDEX_ORDER));
    }

    /** The page the index would give if the closed handles were still in it: open and closed merged in index order. */
    private HandleIndex.Page withClosed(HandleIndex.Page open, HandleIndex index, HandleIndex.Scope scope, Handle from,
                                        int max) {
        List<Handle> merged = new ArrayList<>(open.handles());
        if (open.next() != null) {
            merged.add(open.next());
        }
        for (Handle handle : from == null ? closed(index) : closed(index).tailSet(from, true)) {
            if (scope.contains(handle)) {
                merged.add(handle);
            }
        }
        merged.sort(Handle.INDEX_ORDER);
        if (merged.size() <= max) {
            return new HandleIndex.Page(merged, merged.isEmpty() ? null : merged.get(merged.size() - 1), null);
        }
        List<Handle> page = List.copyOf(merged.subList(0, max));
        return new HandleIndex.Page(page, page.get(max - 1), merged.get(max));
    }
}
