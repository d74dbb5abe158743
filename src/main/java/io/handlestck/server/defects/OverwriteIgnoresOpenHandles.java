package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.Strategies;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.HandleIndex;

/**
 * Lets an open file be overwritten (re-created by Create File, or replaced by a rename onto its name)
 * instead of 409 SharingViolation; deletes and the rename's own source stay blocked. The request seam
 * notes, for the thread that goes on to run the operation, whether the request overwrites; the
 * open-handle rule then spares the node-only scope such a request checks on the file it overwrites.
 */
final class OverwriteIgnoresOpenHandles implements Fault {

    private final ThreadLocal<Boolean> overwriting = ThreadLocal.withInitial(() -> false);

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        overwriting.set(overwrites(request));
        return request;
    }

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> {
            var service = draft.openHandles;
            draft.openHandles = (handles, scope) -> !(overwriting.get() && isNodeOnly(scope)) && service.blocks(handles, scope);
        });
    }

    private static boolean overwrites(ServiceRequest request) {
        if (!request.method().equals("PUT")) {
            return false;
        }
        String comp = request.query("comp");
        return comp == null ? "file".equalsIgnoreCase(request.header("x-ms-type"))
                : comp.equals("rename") && "true".equalsIgnoreCase(request.header("x-ms-file-rename-replace-if-exists"));
    }

    /** The scope of one node's own handles (the file overwritten), not a subtree (a rename's source). */
    private static boolean isNodeOnly(HandleIndex.Scope scope) {
        return scope.toKey().equals(scope.fromKey() + '\u0001');
    }
}
