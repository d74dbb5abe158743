package io.handlestck.server.ops;

import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;

/** Which handles one List Handles page holds: a strategy the operation takes. */
@FunctionalInterface
public interface HandleListing {

    /** The service's page: up to {@code max} open handles of the scope from {@code from}. */
    HandleListing SERVICE = HandleIndex::list;

    HandleIndex.Page list(HandleIndex index, HandleIndex.Scope scope, Handle from, int max);
}
