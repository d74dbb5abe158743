package io.handlestck.server.ops;

import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.model.Marker;

/** The marker of the page after this one, or null when nothing remains: a strategy both handle operations take. */
@FunctionalInterface
public interface MarkerWriter {

    /** The service's marker: the position of the first open handle after the page. */
    MarkerWriter SERVICE = (index, scope, page) -> page.next() == null ? null : Marker.encode(page.next());

    String next(HandleIndex index, HandleIndex.Scope scope, HandleIndex.Page page);
}
