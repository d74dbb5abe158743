package io.handlestck.server.model;

import io.handlestck.server.http.ServiceError;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory tree and the handle index of one share, or of one of its snapshots. Tree changes
 * and handle opens take this namespace's lock, so a delete or rename can never race an open on
 * the same subtree; listing and force-closing run on the lock-free {@link HandleIndex}.
 */
public final class Namespace {

    private final Account account;
    private final Share share;
    private final String snapshot;
    private final Node root;
    private final HandleIndex handles = new HandleIndex();

    Namespace(Account account, Share share, String snapshot, Node sourceRoot) {
        this.account = account;
        this.share = share;
        this.snapshot = snapshot;
        this.root = sourceRoot == null
                ? new Node(0, true, this, null, "", account.newEtag())
                : sourceRoot.copyInto(this, null);
    }

    public Share share() {
        return share;
    }

    /** The snapshot id, or null for the live share. */
    public String snapshot() {
        return snapshot;
    }

    public HandleIndex handles() {
        return handles;
    }

    /** The node at the path, or null when it (or a directory on the way) does not exist. */
    public synchronized Node find(List<String> segments) {
        Node node = root;
        for (String segment : segments) {
            if (!node.isDirectory()) {
                return null;
            }
            node = node.children().get(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The node at the path, or 404 ResourceNotFound. */
    public Node require(List<String> segments) {
        Node node = find(segments);
        if (node == null) {
            throw ServiceError.resourceNotFound();
        }
        return node;
    }

    public synchronized Node createDirectory(List<String> segments) {
        Node parent = parentOf(segments);
        String name = segments.get(segments.size() - 1);
        if (parent.children().containsKey(name)) {
            throw ServiceError.resourceAlreadyExists();
        }
        Node directory = new Node(account.newFileId(), true, this, parent, name, account.newEtag());
        parent.children().put(name, directory);
        return directory;
    }

    /**
     * Creates a file, or re-creates an existing one as File Create does (its content starts over); 409
     * while a handle is open on the existing file.
     */
    public synchronized Node createFile(List<String> segments, long contentLength) {
        Node parent = parentOf(segments);
        String name = segments.get(segments.size() - 1);
        Node existing = parent.children().get(name);
        if (existing != null) {
            if (existing.isDirectory()) {
                throw ServiceError.resourceAlreadyExists();
            }
            refuseWhileOpen(HandleIndex.Scope.own(existing));
            existing.contentLength(contentLength);
            existing.touch(account.newEtag());
            return existing;
        }
        Node file = new Node(account.newFileId(), false, this, parent, name, account.newEtag());
        file.contentLength(contentLength);
        parent.children().put(name, file);
        return file;
    }

    /**
     * Deletes a file or an empty directory; 409 while a handle is open on it. A path whose parent is
     * missing is 404 ParentNotFound, as the service answers a delete there, and only a missing last
     * name is ResourceNotFound.
     */
    public synchronized void delete(List<String> segments, boolean directory) {
        parentOf(segments);
        Node node = require(segments);
        if (node.isDirectory() != directory) {
            throw ServiceError.resourceNotFound();
        }
        if (directory && !node.children().isEmpty()) {
            throw new ServiceError(409, "DirectoryNotEmpty", "The specified directory is not empty.");
        }
        refuseWhileOpen(HandleIndex.Scope.own(node));
        node.parent().children().remove(node.name());
        node.parent().touch(account.newEtag());
    }

    /**
     * Renames a file or directory; the destination's parent must exist. Blocked (409) while any
     * handle is open on the source or, for a directory, anywhere below it.
     */
    public synchronized Node rename(List<String> source, List<String> destination, boolean replaceIfExists) {
        Node node = require(source);
        if (node.isRoot()) {
            throw ServiceError.invalidInput("The root directory cannot be renamed.");
        }
        Node newParent = parentOf(destination);
        for (Node ancestor = newParent; ancestor != null; ancestor = ancestor.parent()) {
            if (ancestor == node) {
                throw ServiceError.invalidInput("A directory cannot be moved below itself.");
            }
        }
        refuseWhileOpen(HandleIndex.Scope.subtree(node));
        String newName = destination.get(destination.size() - 1);
        Node existing = newParent.children().get(newName);
        if (existing != null && existing != node) {
            if (!replaceIfExists || existing.isDirectory() || node.isDirectory()) {
                throw ServiceError.resourceAlreadyExists();
            }
            refuseWhileOpen(HandleIndex.Scope.own(existing));
            newParent.children().remove(newName);
        }
        node.parent().children().remove(node.name());
        node.moveTo(newParent, newName);
        newParent.children().put(newName, node);
        node.touch(account.newEtag());
        return node;
    }

    /** Opens handles on the node at the path, as an SMB client would; 404 when it does not exist. */
    public synchronized List<Handle> open(List<String> segments, HandleSpec spec) {
        Node node = require(segments);
        long now = System.currentTimeMillis();
        List<Handle> opened = new ArrayList<>(spec.count());
        for (int i = 0; i < spec.count(); i++) {
            Handle handle = account.register(id -> new Handle(id, node, spec.sessionId(), now, spec.clientIp(),
                    spec.clientName(), spec.accessRights().bits()));
            handles.add(handle);
            opened.add(handle);
        }
        return opened;
    }

    /** Forgets every handle of this namespace in the account (the share or snapshot is going away). */
    void dropHandles() {
        for (Handle handle : handles.all()) {
            handle.close(Handle.State.FORCE_CLOSED);
        }
        account.forgetHandlesOf(this);
    }

    /** 409 SharingViolation while the account's rule says open handles in the scope block a change. */
    private void refuseWhileOpen(HandleIndex.Scope scope) {
        if (account.openHandleRule().blocks(handles, scope)) {
            throw ServiceError.sharingViolation();
        }
    }

    private Node parentOf(List<String> segments) {
        if (segments.isEmpty()) {
            throw ServiceError.invalidInput("The root directory always exists.");
        }
        Node parent = find(segments.subList(0, segments.size() - 1));
        if (parent == null || !parent.isDirectory()) {
            throw ServiceError.parentNotFound();
        }
        return parent;
    }

    synchronized Namespace snapshotOf(Share owner, String snapshotId) {
        return new Namespace(account, owner, snapshotId, root);
    }
}
