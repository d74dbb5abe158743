package io.handlestck.server.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The open handles of one share or snapshot, ordered by {@link Handle#INDEX_ORDER}. A node's path
 * key is its ancestors' keys plus {@code \u0001name}, so a node's own handles lie in
 * {@code [key, key+\u0001)} and its whole subtree in {@code [key, key+\u0002)}: every scope is one
 * contiguous range, and a page costs O(page · log n) however many handles the share holds.
 *
 * <p>Lock-free: pages are read through the skip list's weakly consistent iterators while other
 * threads open and close handles. Correctness under concurrency comes from {@link Handle#close}
 * being a single compare-and-set, and from markers naming the next <em>position</em> (not a
 * handle), so a handle that stays open is never skipped even if its neighbours vanish.
 */
public final class HandleIndex {

    private final ConcurrentSkipListSet<Handle> handles = new ConcurrentSkipListSet<>(Handle.INDEX_ORDER);

    /** A contiguous range of the index: one node's own handles, or a node and all its descendants. */
    public record Scope(String fromKey, String toKey) {

        public static Scope own(Node node) {
            return new Scope(node.pathKey(), node.pathKey() + '\u0001');
        }

        public static Scope subtree(Node node) {
            return new Scope(node.pathKey(), node.pathKey() + '\u0002');
        }

        public boolean contains(Handle position) {
            return position.pathKey().compareTo(fromKey) >= 0 && position.pathKey().compareTo(toKey) < 0;
        }

        Handle lowest() {
            return Handle.position(fromKey, 0L);
        }

        Handle end() {
            return Handle.position(toKey, 0L);
        }
    }

    /**
     * One page of a listing or a force close.
     *
     * @param handles the handles listed, or closed by this call
     * @param last    the position of the last handle in the page (null when the page is empty)
     * @param next    the position of the first open handle after the page, null when none remains
     */
    public record Page(List<Handle> handles, Handle last, Handle next) {
    }

    void add(Handle handle) {
        handles.add(handle);
    }

    void remove(Handle handle) {
        handles.remove(handle);
    }

    /** Lists up to {@code max} open handles of the scope from {@code from} (inclusive; null = the start). */
    public Page list(Scope scope, Handle from, int max) {
        List<Handle> page = new ArrayList<>(Math.min(max, 1024));
        Iterator<Handle> it = view(scope, from).iterator();
        Handle last = null;
        while (it.hasNext()) {
            Handle handle = it.next();
            if (!handle.isOpen()) {
                continue; // closed by a concurrent call, not yet out of the index
            }
            if (page.size() == max) {
                return new Page(page, last, handle);
            }
            page.add(handle);
            last = handle;
        }
        return new Page(page, last, null);
    }

    /**
     * Force-closes up to {@code max} open handles of the scope from {@code from}; only the handles
     * whose transition this call won are returned, so concurrent callers never count one twice.
     */
    public Page forceClose(Scope scope, Handle from, int max) {
        List<Handle> closed = new ArrayList<>(Math.min(max, 1024));
        Iterator<Handle> it = view(scope, from).iterator();
        Handle last = null;
        while (it.hasNext()) {
            Handle handle = it.next();
            if (!handle.isOpen()) {
                continue;
            }
            if (closed.size() == max) {
                return new Page(closed, last, handle);
            }
            if (handle.close(Handle.State.FORCE_CLOSED)) {
                handles.remove(handle);
                closed.add(handle);
                last = handle;
            }
        }
        return new Page(closed, last, null);
    }

    /** Closes one handle found by id; false when it was no longer open. */
    public boolean forceClose(Handle handle) {
        if (!handle.close(Handle.State.FORCE_CLOSED)) {
            return false;
        }
        handles.remove(handle);
        return true;
    }

    /** The client closes its own handle (fixture protocol); false when it was no longer open. */
    public boolean clientClose(Handle handle) {
        if (!handle.close(Handle.State.CLOSED)) {
            return false;
        }
        handles.remove(handle);
        return true;
    }

    /** The first open handle strictly after {@code position} in the scope, or null. */
    public Handle openAfter(Scope scope, Handle position) {
        for (Handle handle : handles.subSet(position, false, scope.end(), false)) {
            if (handle.isOpen()) {
                return handle;
            }
        }
        return null;
    }

    /** True when some handle of the scope is open: what blocks a delete or a rename. */
    public boolean hasOpen(Scope scope) {
        for (Handle handle : view(scope, null)) {
            if (handle.isOpen()) {
                return true;
            }
        }
        return false;
    }

    /** Every indexed handle; O(n), for share deletion only. */
    Iterable<Handle> all() {
        return handles;
    }

    public int size() {
        return handles.size();
    }

    private NavigableSet<Handle> view(Scope scope, Handle from) {
        Handle start = from == null ? scope.lowest() : from;
        return handles.subSet(start, true, scope.end(), false);
    }
}
