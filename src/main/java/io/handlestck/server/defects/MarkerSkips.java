package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.Marker;

/** The next marker names the open handle after the one that should start the next page. */
final class MarkerSkips implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.markerWriter = (index, scope, page) -> {
            Handle skipped = page.next() == null ? null : index.openAfter(scope, page.next());
            return skipped == null ? null : Marker.encode(skipped);
        });
    }
}
