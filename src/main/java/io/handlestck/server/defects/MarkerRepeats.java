package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.Marker;
import io.handlestck.server.ops.MarkerWriter;

/** The next marker names the last handle of this page, so the next page starts with it again. */
final class MarkerRepeats implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        MarkerWriter service = strategies.markerWriter();
        return strategies.with(draft -> draft.markerWriter = (index, scope, page) -> page.next() != null && page.last() != null
                ? Marker.encode(page.last())
                : service.next(index, scope, page));
    }
}
