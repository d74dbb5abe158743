package io.handlestck.server.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The open handles of one share or snapshot, ordered by {@link Handle#INDEX_ORDER}. A node's path
 * key is its ancestors' keys plus {@code \u0001name}, so a node's own handles lie in
 * {@code [key, key+\u0001)} and its whole subtree in {@code [key, key+\u0002)}: every scope is one
 * contiguous range, and a page costs its own handles and the nodes it passes, however many handles
 * the share holds.
 *
 * <p>Two levels: the path keys of the nodes that have had handles, each with its own handles by id.
 * A force close removes every handle it closes. In one skip list of a million handles, each removal
 * walked that list twice (to unlink, then to clean its index), mostly cache misses, and compared path
 * keys at every step: the million-handle close took 1.8 s (bench/history.md). A node's own set is
 * small and ordered by id alone, and a force close that walks one to its end swaps in an empty set
 * instead of removing handle by handle ({@link OwnHandles}). A node's entry stays when its last handle goes, so that an open racing a close never
 * adds to an entry that has left the map: the entries are as many as the paths that ever held a handle
 * in this share or snapshot, and go with it.
 *
 * <p>Lock-free: pages are read through the skip lists' weakly consistent iterators while other
 * threads open and close handles. Correctness under concurrency comes from {@link Handle#close}
 * being a single compare-and-set, and from markers naming the next <em>position</em> (not a
 * handle), so a handle that stays open is never skipped even if its neighbours vanish.
 */
public final class HandleIndex {

    private final ConcurrentSkipListMap<String, OwnHandles> byNode = new ConcurrentSkipListMap<>();

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
        byNode.computeIfAbsent(handle.pathKey(), key -> new OwnHandles()).add(handle);
    }

    void remove(Handle handle) {
        OwnHandles own = byNode.get(handle.pathKey());
        if (own != null) {
            own.set().remove(handle);
        }
    }

    /** Lists up to {@code max} open handles of the scope from {@code from} (inclusive; null = the start). */
    public Page list(Scope scope, Handle from, int max) {
        List<Handle> page = new ArrayList<>(Math.min(max, 1024));
        Iterator<Handle> it = new InOrder(scope, from, true);
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
     * whose transition this call won are returned, so concurrent callers never count one twice. A
     * node's set walked to its end is retired whole ({@link OwnHandles#retire}); where the page ends
     * inside a node, the handles it closed there leave one by one.
     */
    public Page forceClose(Scope scope, Handle from, int max) {
        List<Handle> closed = new ArrayList<>(Math.min(max, 1024));
        Handle start = from == null ? scope.lowest() : from;
        Handle last = null;
        for (Map.Entry<String, OwnHandles> node : nodesFrom(scope, start)) {
            ConcurrentSkipListSet<Handle> walked = node.getValue().set();
            int closedBefore = closed.size();
            for (Handle handle : fromStart(node.getKey(), walked, start, true)) {
                if (!handle.isOpen()) {
                    continue;
                }
                if (closed.size() == max) {
                    walked.removeAll(closed.subList(closedBefore, closed.size()));
                    return new Page(closed, last, handle);
                }
                if (handle.close(Handle.State.FORCE_CLOSED)) {
                    closed.add(handle);
                    last = handle;
                }
            }
            if (closed.size() > closedBefore) {
                node.getValue().retire(walked);
            }
        }
        return new Page(closed, last, null);
    }

    /** Closes one handle found by id; false when it was no longer open. */
    public boolean forceClose(Handle handle) {
        if (!handle.close(Handle.State.FORCE_CLOSED)) {
            return false;
        }
        remove(handle);
        return true;
    }

    /** The client closes its own handle (fixture protocol); false when it was no longer open. */
    public boolean clientClose(Handle handle) {
        if (!handle.close(Handle.State.CLOSED)) {
            return false;
        }
        remove(handle);
        return true;
    }

    /** The first open handle strictly after {@code position} in the scope, or null. */
    public Handle openAfter(Scope scope, Handle position) {
        Iterator<Handle> it = new InOrder(scope, position, false);
        while (it.hasNext()) {
            Handle handle = it.next();
            if (handle.isOpen()) {
                return handle;
            }
        }
        return null;
    }

    /** True when some handle of the scope is open: what blocks a delete or a rename. */
    public boolean hasOpen(Scope scope) {
        Iterator<Handle> it = new InOrder(scope, null, true);
        while (it.hasNext()) {
            if (it.next().isOpen()) {
                return true;
            }
        }
        return false;
    }

    /** Every indexed handle; O(n), for share deletion only. */
    Iterable<Handle> all() {
        return () -> byNode.values().stream().flatMap(own -> own.set().stream()).iterator();
    }

    /** How many handles the index holds, open or not yet removed; O(n). */
    public int size() {
        int size = 0;
        for (OwnHandles own : byNode.values()) {
            size += own.set().size();
        }
        return size;
    }

    /** The scope's nodes from the start position's node on, in key order. */
    private Set<Map.Entry<String, OwnHandles>> nodesFrom(Scope scope, Handle start) {
        return byNode.subMap(start.pathKey(), true, scope.toKey(), false).entrySet();
    }

    /** A node's handles from the start position when the node is the start's, all of them otherwise. */
    private static NavigableSet<Handle> fromStart(String pathKey, ConcurrentSkipListSet<Handle> own, Handle start,
                                                  boolean included) {
        return pathKey.equals(start.pathKey()) ? own.tailSet(start, included) : own;
    }

    /**
     * One node's handles, ordered by id. A force close that walked them to the end swaps in an empty
     * set instead of removing each handle it closed from this one, which was half of a million-handle
     * close's time (bench/history.md). The swap is a compare-and-set, and an open checks after adding
     * that its set is still the node's and adds again if not, while the swap moves whatever is still
     * open in the old set: an open racing a close is never lost. A race of a client's close with that
     * move can leave a closed handle in the new set, which pages skip and the next swap drops.
     */
    private static final class OwnHandles {

        private final AtomicReference<ConcurrentSkipListSet<Handle>> current =
                new AtomicReference<>(new ConcurrentSkipListSet<>(Handle.ID_ORDER));

        ConcurrentSkipListSet<Handle> set() {
            return current.get();
        }

        void add(Handle handle) {
            ConcurrentSkipListSet<Handle> own;
            do {
                own = current.get();
                own.add(handle);
            } while (current.get() != own);
        }

        void retire(ConcurrentSkipListSet<Handle> walked) {
            if (current.compareAndSet(walked, new ConcurrentSkipListSet<>(Handle.ID_ORDER))) {
                for (Handle handle : walked) {
                    if (handle.isOpen()) {
                        add(handle);
                    }
                }
            }
        }
    }

    /**
     * The scope's handles in index order from a position: the rest of the position's node, then each
     * following node's handles whole, until the scope's end key.
     */
    private final class InOrder implements Iterator<Handle> {

        private final Iterator<Map.Entry<String, OwnHandles>> nodes;
        private final Handle start;
        private final boolean startIncluded;
        private Iterator<Handle> current = Collections.emptyIterator();

        /** @param from the first position (null: the scope's start); {@code included} false starts strictly after it */
        InOrder(Scope scope, Handle from, boolean included) {
            this.start = from == null ? scope.lowest() : from;
            this.startIncluded = included;
            this.nodes = nodesFrom(scope, start).iterator();
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!nodes.hasNext()) {
                    return false;
                }
                Map.Entry<String, OwnHandles> node = nodes.next();
                current = fromStart(node.getKey(), node.getValue().set(), start, startIncluded).iterator();
            }
            return true;
        }

        @Override
        public Handle next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
