package io.handlestck.server.model;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The storage account: its shares, and every handle ever opened in it by id (ids are unique per
 * account, and a closed handle stays findable so its client can still learn it was closed).
 */
public final class Account {

    /** File ids look like the service's (high bits set, as in {@code 13835128424026341376}); the root is 0. */
    private static final long FILE_ID_BASE = 0xC000_0000_0000_0000L;

    private final String name;
    private final OpenHandleRule openHandleRule;
    private final ConcurrentHashMap<String, Share> shares = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Handle> handlesById = new ConcurrentHashMap<>();
    private final AtomicLong fileIds = new AtomicLong();
    private final AtomicLong etags = new AtomicLong(System.currentTimeMillis() * 10_000);

    /** An account whose open handles block deletes and renames as the service's do. */
    public Account(String name) {
        this(name, OpenHandleRule.SERVICE);
    }

    public Account(String name, OpenHandleRule openHandleRule) {
        this.name = name;
        this.openHandleRule = openHandleRule;
    }

    /** When open handles block a delete, a rename or a re-create. */
    public OpenHandleRule openHandleRule() {
        return openHandleRule;
    }

    public String name() {
        return name;
    }

    public Share share(String shareName) {
        return shares.get(shareName.toLowerCase(Locale.ROOT));
    }

    /** Creates the share; null when one with that name already exists. */
    public Share createShare(String shareName) {
        Share share = new Share(this, shareName);
        return shares.putIfAbsent(shareName.toLowerCase(Locale.ROOT), share) == null ? share : null;
    }

    /** Deletes the share and its snapshots; its handles vanish with it. */
    public boolean deleteShare(Share share) {
        if (!shares.remove(share.name().toLowerCase(Locale.ROOT), share)) {
            return false;
        }
        share.dropAllHandles();
        return true;
    }

    public Collection<Share> shares() {
        return shares.values();
    }

    /** The handle with this id, open or closed, or null if none was ever opened. */
    public Handle handle(long id) {
        return handlesById.get(id);
    }

    long newFileId() {
        return FILE_ID_BASE | (fileIds.incrementAndGet() << 16);
    }

    /** A quoted ETag in the service's shape, e.g. {@code "0x8DB67A9EAB657D5"}. */
    String newEtag() {
        return "\"0x" + Long.toHexString(etags.incrementAndGet()).toUpperCase(Locale.ROOT) + "\"";
    }

    /** Creates a handle under a fresh random non-zero uint64 id, unique in this account. */
    Handle register(LongFunction<Handle> factory) {
        while (true) {
            long id = ThreadLocalRandom.current().nextLong();
            if (id == 0) {
                continue;
            }
            Handle handle = factory.apply(id);
            if (handlesById.putIfAbsent(id, handle) == null) {
                return handle;
            }
        }
    }

    /** O(all handles): only when a share or snapshot is deleted. */
    void forgetHandlesOf(Namespace namespace) {
        handlesById.values().removeIf(handle -> handle.node().namespace() == namespace);
    }

    /** A random uint64 session id for clients that do not name one. */
    public static long newSessionId() {
        return ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    }
}
