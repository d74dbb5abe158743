package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.ops.HandleClosing;

/** A {@code *} force close closes the first open handle of the scope and reports nothing left (no marker). */
final class WildcardClosesOne implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        HandleClosing.All service = strategies.closing().all();
        return strategies.with(draft -> draft.closing = draft.closing.withAll((index, scope, from, max) -> {
            HandleIndex.Page first = service.close(index, scope, from, 1);
            return new HandleIndex.Page(first.handles(), first.last(), null);
        }));
    }
}
