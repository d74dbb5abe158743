package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.ops.HandleClosing;

/** Answers 404 to a force close of a well-formed id that names no handle of the target, instead of 200 with 0 closed. */
final class UnknownIdNotFound implements Fault {
    @Override
    public Strategies strategies(Strategies strategies) {
        HandleClosing service = strategies.closing();
        return strategies.withClosing(new HandleClosing() {
            @Override
            public HandleIndex.Page closeAll(HandleIndex index, HandleIndex.Scope scope, Handle from, int max) {
                return service.closeAll(index, scope, from, max);
            }

            @Override
            public boolean closeOne(HandleIndex index, Handle handle) {
                if (handle == null) {
                    throw ServiceError.resourceNotFound();
                }
                return service.closeOne(index, handle);
            }
        });
    }
}
