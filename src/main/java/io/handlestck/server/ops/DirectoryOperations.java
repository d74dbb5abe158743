package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Node;
import io.handlestck.server.model.Share;
import java.util.List;

/** Directory Create, Get Properties and Delete ({@code ?restype=directory}). */
public final class DirectoryOperations {

    private final ServerContext context;

    public DirectoryOperations(ServerContext context) {
        this.context = context;
    }

    public Reply create(ServiceRequest request) {
        Resources.refuseSnapshot(request);
        Share share = Resources.share(context, request);
        List<String> path = Resources.path(request);
        if (path.isEmpty()) {
            throw ServiceError.resourceAlreadyExists(); // the root directory always exists
        }
        return NodeHeaders.add(Reply.status(201), share.live().createDirectory(path));
    }

    public Reply properties(ServiceRequest request) {
        Share share = Resources.share(context, request);
        Node node = Resources.namespace(share, request).require(Resources.path(request));
        if (!node.isDirectory()) {
            throw ServiceError.resourceNotFound();
        }
        return NodeHeaders.properties(Reply.status(200), node);
    }

    /** 409 DirectoryNotEmpty with children, 409 SharingViolation with a handle open on it. */
    public Reply delete(ServiceRequest request) {
        Resources.refuseSnapshot(request);
        Share share = Resources.share(context, request);
        List<String> path = Resources.path(request);
        if (path.isEmpty()) {
            throw ServiceError.invalidUri("The root directory of a share cannot be deleted.");
        }
        share.live().delete(path, true);
        return Reply.status(202);
    }
}
