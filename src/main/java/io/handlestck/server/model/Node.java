package io.handlestck.server.model;

import java.time.Instant;
import java.util.TreeMap;

/**
 * A directory or file of one share or snapshot. Names are case-preserving and, as in Azure Files,
 * unique case-insensitively among siblings. Mutable fields are guarded by the owning
 * {@link Namespace}'s lock.
 */
public final class Node {

    /** Separates path components in a path key; below every character a name may hold. */
    static final char KEY_SEPARATOR = '\u0001';

    private final long fileId;
    private final boolean directory;
    private final Namespace namespace;
    private final TreeMap<String, Node> children;
    private Node parent;
    private String name;
    private String pathKey;
    private String path;
    private long contentLength;
    private Instant lastModified;
    private String etag;

    Node(long fileId, boolean directory, Namespace namespace, Node parent, String name, String etag) {
        this.fileId = fileId;
        this.directory = directory;
        this.namespace = namespace;
        this.children = directory ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : null;
        this.parent = parent;
        this.name = name;
        this.pathKey = parent == null ? "" : parent.pathKey + KEY_SEPARATOR + name;
        this.path = displayPath(pathKey);
        this.lastModified = Instant.now();
        this.etag = etag;
    }

    public long fileId() {
        return fileId;
    }

    /** The parent directory's file id; 0 for the root and for the root's children, as the service reports. */
    public long parentId() {
        return parent == null ? 0 : parent.fileId;
    }

    public boolean isDirectory() {
        return directory;
    }

    public boolean isRoot() {
        return parent == null;
    }

    public Namespace namespace() {
        return namespace;
    }

    String pathKey() {
        return pathKey;
    }

    /** The path relative to the share root, {@code /}-separated, empty for the root; kept, as every listed handle writes it. */
    public String path() {
        return path;
    }

    private static String displayPath(String pathKey) {
        return pathKey.isEmpty() ? "" : pathKey.substring(1).replace(KEY_SEPARATOR, '/');
    }

    public String name() {
        return name;
    }

    public long contentLength() {
        return contentLength;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public String etag() {
        return etag;
    }

    Node parent() {
        return parent;
    }

    TreeMap<String, Node> children() {
        return children;
    }

    void contentLength(long length) {
        this.contentLength = length;
    }

    void touch(String newEtag) {
        this.lastModified = Instant.now();
        this.etag = newEtag;
    }

    /** Moves this node under a new parent with a new name, re-keying the whole subtree. */
    void moveTo(Node newParent, String newName) {
        this.parent = newParent;
        this.name = newName;
        rekey();
    }

    private void rekey() {
        this.pathKey = parent.pathKey + KEY_SEPARATOR + name;
        this.path = displayPath(pathKey);
        if (children != null) {
            children.values().forEach(Node::rekey);
        }
    }

    /** A deep copy for a snapshot: same names and file ids, no handles. */
    Node copyInto(Namespace target, Node copyParent) {
        Node copy = new Node(fileId, directory, target, copyParent, name, etag);
        copy.contentLength = contentLength;
        copy.lastModified = lastModified;
        if (children != null) {
            children.forEach((childName, child) -> copy.children.put(childName, child.copyInto(target, copy)));
        }
        return copy;
    }
}
