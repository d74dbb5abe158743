package io.handlestck.server.model;

import java.util.ArrayList;
import java.util.List;

/** A directory's children, copied under the namespace lock: what an SMB directory enumeration walks. */
public final class DirectoryListing {

    private DirectoryListing() {
    }

    /** The children in name order (case-insensitive), or an empty list for a file. */
    public static List<Node> children(Node directory) {
        synchronized (directory.namespace()) {
            return directory.isDirectory() ? new ArrayList<>(directory.children().values()) : List.of();
        }
    }

    /** The node's parent directory; the root is its own parent, as {@code ..} of a share root is. */
    public static Node parentOf(Node node) {
        synchronized (node.namespace()) {
            return node.isRoot() ? node : node.parent();
        }
    }
}
