package io.handlestck.server.model;

import io.handlestck.server.http.WireFormats;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentSkipListMap;

/** A file share: its live namespace and its snapshots, keyed by their canonical 7-digit ISO-8601 id. */
public final class Share {

    private final String name;
    private final Namespace live;
    private final ConcurrentSkipListMap<String, Namespace> snapshots = new ConcurrentSkipListMap<>();
    private final Instant created = Instant.now();
    private final String etag;

    Share(Account account, String name) {
        this.name = name;
        this.etag = account.newEtag();
        this.live = new Namespace(account, this, null, null);
    }

    public String name() {
        return name;
    }

    public Namespace live() {
        return live;
    }

    public Instant created() {
        return created;
    }

    public String etag() {
        return etag;
    }

    /** The snapshot with this id (already canonical), or null. */
    public Namespace snapshot(String canonicalId) {
        return snapshots.get(canonicalId);
    }

    public boolean hasSnapshots() {
        return !snapshots.isEmpty();
    }

    /**
     * Freezes the live tree into a snapshot. Ids have whole-second precision like the real
     * service's; two snapshots within one second get ids one tick (100 ns) apart, so ids stay unique.
     */
    public synchronized String createSnapshot() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = WireFormats.iso7(at);
        while (snapshots.containsKey(id)) {
            at = at.plusNanos(100);
            id = WireFormats.iso7(at);
        }
        snapshots.put(id, live.snapshotOf(this, id));
        return id;
    }

    public boolean deleteSnapshot(String canonicalId) {
        Namespace removed = snapshots.remove(canonicalId);
        if (removed != null) {
            removed.dropHandles();
        }
        return removed != null;
    }

    void dropAllHandles() {
        live.dropHandles();
        snapshots.values().forEach(Namespace::dropHandles);
    }
}
