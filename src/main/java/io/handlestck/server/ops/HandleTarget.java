package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.HandleIndex;
import io.handlestck.server.model.Namespace;
import io.handlestck.server.model.Node;
import io.handlestck.server.model.Share;

/**
 * What a List Handles or Force Close Handles request covers: the namespace (live share or the
 * {@code sharesnapshot}), the file or directory (the share URL means the root directory), and the
 * index range: a file's own handles, a directory's own handles, or with {@code x-ms-recursive: true}
 * the directory and everything below it.
 */
record HandleTarget(Namespace namespace, Node node, Boolean recursive, HandleIndex.Scope scope) {

    static HandleTarget resolve(ServerContext context, ServiceRequest request) {
        if (!context.strategies().versions().supports(request, ApiVersions.HANDLE_OPERATIONS)) {
            throw ServiceError.invalidHeaderValue("x-ms-version", request.version());
        }
        Share share = Resources.share(context, request);
        Namespace namespace = Resources.namespace(share, request);
        Node node = namespace.find(Resources.path(request));
        if (node == null) {
            throw ServiceError.resourceNotFound();
        }
        Boolean recursive = Resources.booleanHeader(request, "x-ms-recursive");
        boolean subtree = node.isDirectory() && Boolean.TRUE.equals(recursive);
        HandleIndex.Scope scope = subtree ? HandleIndex.Scope.subtree(node) : HandleIndex.Scope.own(node);
        return new HandleTarget(namespace, node, recursive, scope);
    }
}
