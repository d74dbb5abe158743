package io.handlestck.server.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Comparator;

/**
 * One SMB handle as the service tracks it. Kept compact (about 64 bytes of object, shared strings)
 * because a share may hold a million of them. Its place in the {@link HandleIndex} is fixed at open
 * time by {@link #pathKey}, so a later rename of an ancestor can never reorder the index.
 *
 * <p>Closing is one compare-and-set from {@link State#OPEN}: whoever wins the transition (a force
 * close, or the client closing it through the fixture protocol) is the only one to count it.
 */
public final class Handle {

    /** What the SMB client that opened the handle would see. */
    public enum State {
        OPEN("open"), CLOSED("closed"), FORCE_CLOSED("force-closed");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        /** The name the Handle Fixture Protocol reports. */
        public String wireName() {
            return wireName;
        }
    }

    /** Index order: by path key (so a subtree is one contiguous range), then by unsigned handle id. */
    public static final Comparator<Handle> INDEX_ORDER = (a, b) -> {
        int byPath = a.pathKey.compareTo(b.pathKey);
        return byPath != 0 ? byPath : Long.compareUnsigned(a.id, b.id);
    };

    /** Order among one node's handles, which share a path key: by unsigned handle id alone. */
    static final Comparator<Handle> ID_ORDER = (a, b) -> Long.compareUnsigned(a.id, b.id);

    private static final State[] STATES = State.values();
    /**
     * The compare-and-set on {@link #state}: a VarHandle, because a field updater checks the caller's
     * class on every call, which showed in the million-handle close's profile (bench/history.md).
     */
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Handle.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id;
    private final String pathKey;
    private final Node node;
    private final long sessionId;
    private final long openTimeMillis;
    private final String clientIp;
    private final String clientName;
    private final byte accessRights;
    private volatile int state;

    Handle(long id, Node node, long sessionId, long openTimeMillis, String clientIp, String clientName, byte accessRights) {
        this.id = id;
        this.pathKey = node.pathKey();
        this.node = node;
        this.sessionId = sessionId;
        this.openTimeMillis = openTimeMillis;
        this.clientIp = clientIp;
        this.clientName = clientName;
        this.accessRights = accessRights;
    }

    /** A position in the index, not a handle: the bound of a range or the key a marker carries. */
    static Handle position(String pathKey, long id) {
        return new Handle(pathKey, id);
    }

    /** The index position just after this handle: a listing resumed there starts with whatever follows it. */
    public Handle positionAfter() {
        return new Handle(pathKey, id + 1);
    }

    private Handle(String pathKey, long id) {
        this.id = id;
        this.pathKey = pathKey;
        this.node = null;
        this.sessionId = 0;
        this.openTimeMillis = 0;
        this.clientIp = null;
        this.clientName = null;
        this.accessRights = 0;
    }

    public long id() {
        return id;
    }

    String pathKey() {
        return pathKey;
    }

    public Node node() {
        return node;
    }

    public long sessionId() {
        return sessionId;
    }

    public long openTimeMillis() {
        return openTimeMillis;
    }

    public String clientIp() {
        return clientIp;
    }

    public String clientName() {
        return clientName;
    }

    public AccessRights accessRights() {
        return AccessRights.fromBits(accessRights);
    }

    public State state() {
        return STATES[state];
    }

    public boolean isOpen() {
        return state == State.OPEN.ordinal();
    }

    /** The one transition out of OPEN; true only for the caller that made it. */
    boolean close(State to) {
        return STATE.compareAndSet(this, State.OPEN.ordinal(), to.ordinal());
    }
}
