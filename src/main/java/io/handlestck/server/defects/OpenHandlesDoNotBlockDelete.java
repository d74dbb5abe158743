package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/** Lets deletes, renames and re-creates go through while handles are open, instead of 409 SharingViolation. */
final class OpenHandlesDoNotBlockDelete implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.openHandles = (handles, scope) -> false);
    }
}
