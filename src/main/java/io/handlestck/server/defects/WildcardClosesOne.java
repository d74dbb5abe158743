package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.ops.HandleClosing;

/** A {@code *} force close closes the first open handle of the scope and reports nothing left (no marker). */
final class WildcardClosesOne implements Fault {
    @Override
    public Strategies strategies(Strategies strategies) {
        HandleClosing service = strategies.closing();
        return strategies.withClosing(new HandleClosing() {
            @Override
            public HandleIndex.Page closeAll(HandleIndex index, HandleIndex.Scope scope, Handle from, int max) {
                HandleIndex.Page first = service.closeAll(index, scope, from, 1);
                return new HandleIndex.Page(first.handles(), first.last(), null);
            }

            @Override
            public boolean closeOne(HandleIndex index, Handle handle) {
                return service.closeOne(index, handle);
            }
        });
    }
}
