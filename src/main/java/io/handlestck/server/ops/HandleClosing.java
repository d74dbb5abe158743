package io.handlestck.server.ops;

import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;

/**
 * How Force Close Handles closes, with {@code *} or by id: a strategy the operation takes.
 *
 * @param all closes up to {@code max} open handles of the scope from {@code from}; the page's next position makes the marker
 * @param one closes the handle an id names (null when the id is unknown or names a handle outside the target); true when this call closed it
 */
public record HandleClosing(All all, One one) {

    /** The service's closing: a page of at most {@code max} handles, or the one handle named; an unknown id closes nothing. */
    public static final HandleClosing SERVICE = new HandleClosing(HandleIndex::forceClose,
            (index, handle) -> handle != null && index.forceClose(handle));

    @FunctionalInterface
    public interface All {
        HandleIndex.Page close(HandleIndex index, HandleIndex.Scope scope, Handle from, int max);
    }

    @FunctionalInterface
    public interface One {
        boolean close(HandleIndex index, Handle handle);
    }

    public HandleClosing withAll(All rule) {
        return new HandleClosing(rule, one);
    }

    public HandleClosing withOne(One rule) {
        return new HandleClosing(all, rule);
    }
}
