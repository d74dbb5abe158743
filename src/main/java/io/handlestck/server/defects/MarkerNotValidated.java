package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.ops.MarkerReader;

/** A marker that does not decode is read as the start of the scope instead of refused with 400. */
final class MarkerNotValidated implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        MarkerReader service = strategies.markerReader();
        return strategies.with(draft -> draft.markerReader = (marker, scope) -> {
            try {
                return service.start(marker, scope);
            } catch (ServiceError malformed) {
                return null;
            }
        });
    }
}
