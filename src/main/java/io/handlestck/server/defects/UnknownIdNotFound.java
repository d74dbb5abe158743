package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.ops.HandleClosing;

/** Answers 404 to a force close of a well-formed id that names no handle of the target, instead of 200 with 0 closed. */
final class UnknownIdNotFound implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        HandleClosing.One service = strategies.closing().one();
        return strategies.with(draft -> draft.closing = draft.closing.withOne((index, handle) -> {
            if (handle == null) {
                throw ServiceError.resourceNotFound();
            }
            return service.close(index, handle);
        }));
    }
}
