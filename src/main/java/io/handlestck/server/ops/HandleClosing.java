package io.handlestck.server.ops;

import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;

/** How Force Close Handles closes, with {@code *} or by id: a strategy the operation takes. */
public interface HandleClosing {

    /** The service's closing: a page of at most {@code max} handles, or the one handle named, and an unknown id closes nothing. */
    HandleClosing SERVICE = new HandleClosing() {
        @Override
        public HandleIndex.Page closeAll(HandleIndex index, HandleIndex.Scope scope, Handle from, int max) {
            return index.forceClose(scope, from, max);
        }

        @Override
        public boolean closeOne(HandleIndex index, Handle handle) {
            return handle != null && index.forceClose(handle);
        }
    };

    /** Closes up to {@code max} open handles of the scope from {@code from}; the page's next position makes the marker. */
    HandleIndex.Page closeAll(HandleIndex index, HandleIndex.Scope scope, Handle from, int max);

    /**
     * @param handle the handle the id names, or null when the id is unknown or names a handle outside the target
     * @return true when this call closed it
     */
    boolean closeOne(HandleIndex index, Handle handle);
}
