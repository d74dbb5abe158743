package io.handlestck.server.smb;

import io.handlestck.server.http.ServiceError;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.model.HandleSpec;
import io.handlestck.server.model.Namespace;
import io.handlestck.server.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every SMB open of the server by the node it opened, for the sharing checks between opens; and the
 * transitions that touch both an open and the namespace (open, close, delete-on-close, rename). Each
 * runs under the namespace's lock, the lock REST's tree changes take, so an SMB open and a REST
 * delete of the same file cannot interleave. Force Close Handles stays lock-free: it only flips the
 * model handle's state, which every later request on the open notices ({@link SmbCall#open}).
 */
final class OpenTable {

    private final ConcurrentHashMap<Node, List<SmbOpen>> byNode = new ConcurrentHashMap<>();
    private final OpenIdentity identity;
    private final ClientClose clientClose;

    OpenTable(OpenIdentity identity, ClientClose clientClose) {
        this.identity = identity;
        this.clientClose = clientClose;
    }

    /** STATUS_SHARING_VIOLATION unless the access and share mode agree with every live open of the node. Call under the namespace lock. */
    void checkSharing(Node node, int access, int shareAccess) {
        List<SmbOpen> opens = byNode.get(node);
        if (opens == null) {
            return;
        }
        opens.removeIf(open -> !open.handle().isOpen());
        for (SmbOpen other : opens) {
            if (!Access.compatible(other.access(), other.shareAccess(), access, shareAccess)) {
                throw new SmbException(NtStatus.SHARING_VIOLATION, "share modes conflict");
            }
        }
    }

    /** Opens a handle on the node for the session and registers the open. Call under the namespace lock, after {@link #checkSharing}. */
    SmbOpen open(Node node, SmbCall call, int access, int shareAccess, boolean deleteOnClose, long volatileId) {
        Handle handle = openHandle(node, call.session, call.connection.clientIp(), access);
        SmbOpen open = new SmbOpen(volatileId, call.tree, call.session, call.connection.clientIp(), access, shareAccess,
                deleteOnClose, handle);
        byNode.computeIfAbsent(node, n -> new ArrayList<>(2)).add(open);
        return open;
    }

    /**
     * The client closes its open (CLOSE, LOGOFF, TREE_DISCONNECT, lost connection). A pending delete
     * is carried out when no other handle holds the node. False when REST had force-closed it.
     */
    boolean close(SmbOpen open) {
        Namespace namespace = open.namespace();
        synchronized (namespace) {
            boolean wasOpen = clientClose.end(namespace.handles(), open.handle());
            unregister(open);
            if (wasOpen && open.deleteOnClose()) {
                Node node = open.node();
                try {
                    namespace.delete(segments(node), node.isDirectory());
                } catch (ServiceError stillHeld) {
                    // another handle holds it (or it went away): it stays, as it would past a failed delete
                }
            }
            return wasOpen;
        }
    }

    /** Forgets an open REST force-closed (its model handle is already closed). */
    void forget(SmbOpen open) {
        synchronized (open.namespace()) {
            unregister(open);
        }
    }

    /**
     * Renames the open's node. Like a REST rename it is refused while another handle is open on the
     * node or below it. The open's own handle is re-opened on the new path, under a new HandleId:
     * the index orders handles by the path they were opened on.
     */
    void rename(SmbOpen open, List<String> destination, boolean replaceIfExists) {
        Namespace namespace = open.namespace();
        synchronized (namespace) {
            Node node = open.node();
            if (node.isRoot()) {
                throw new SmbException(NtStatus.ACCESS_DENIED, "the root cannot be renamed");
            }
            for (Handle other : namespace.handles().list(HandleIndex.Scope.subtree(node), null, 2).handles()) {
                if (other != open.handle()) {
                    throw new SmbException(NtStatus.SHARING_VIOLATION, "another handle is open below");
                }
            }
            List<String> source = segments(node);
            if (!namespace.handles().clientClose(open.handle())) {
                throw new SmbException(NtStatus.FILE_CLOSED, "force-closed");
            }
            try {
                namespace.rename(source, destination, replaceIfExists);
            } catch (ServiceError refused) {
                open.handle(openHandle(node, open.session(), open.clientIp(), open.access()));
                throw toSmb(refused);
            }
            open.handle(openHandle(node, open.session(), open.clientIp(), open.access()));
        }
    }

    private Handle openHandle(Node node, SmbSession session, String clientIp, int access) {
        HandleSpec stated = new HandleSpec(1, clientIp, session.workstation(), session.id, Access.rights(access));
        return node.namespace().open(segments(node), identity.recorded(stated)).get(0);
    }

    private void unregister(SmbOpen open) {
        Node node = open.node();
        List<SmbOpen> opens = byNode.get(node);
        if (opens != null) {
            opens.remove(open);
            if (opens.isEmpty()) {
                byNode.remove(node);
            }
        }
    }

    static List<String> segments(Node node) {
        return node.path().isEmpty() ? List.of() : List.of(node.path().split("/"));
    }

    /** The NT status for a refusal of the namespace. */
    static SmbException toSmb(ServiceError error) {
        int status = switch (error.code()) {
            case "ResourceNotFound" -> NtStatus.OBJECT_NAME_NOT_FOUND;
            case "ParentNotFound" -> NtStatus.OBJECT_PATH_NOT_FOUND;
            case "ResourceAlreadyExists" -> NtStatus.OBJECT_NAME_COLLISION;
            case "SharingViolation" -> NtStatus.SHARING_VIOLATION;
            case "DirectoryNotEmpty" -> NtStatus.DIRECTORY_NOT_EMPTY;
            case "InvalidResourceName" -> NtStatus.OBJECT_NAME_INVALID;
            case "InvalidInput" -> NtStatus.INVALID_PARAMETER;
            default -> NtStatus.ACCESS_DENIED;
        };
        return new SmbException(status, error.getMessage());
    }
}
