package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleIndex;
import java.util.regex.Pattern;

/**
 * {@code PUT …?comp=forceclosehandles} on a file, a directory or the share root: closes one handle by
 * id, or with {@code *} every handle of the target, at most the configured page size per call, and
 * returns {@code x-ms-marker} while more remain.
 */
public final class ForceCloseHandlesOperation {

    private static final Pattern DECIMAL_ID = Pattern.compile("[0-9]{1,20}");

    private final ServerContext context;

    public ForceCloseHandlesOperation(ServerContext context) {
        this.context = context;
    }

    public Reply forceClose(ServiceRequest request) {
        String handleId = request.header("x-ms-handle-id");
        if (handleId == null) {
            throw ServiceError.missingRequiredHeader("x-ms-handle-id");
        }
        handleId = handleId.trim();
        Long id = handleId.equals("*") ? null : parseId(handleId);
        HandleTarget target = HandleTarget.resolve(context, request);
        if (!target.node().isDirectory() && target.recursive() != null) {
            // The document says a recursive force close on a file "causes 400" without naming the code. The
            // swagger declares x-ms-recursive only for the directory operations, so for a file it is a header
            // the operation does not support: UnsupportedHeader is the service's code for exactly that.
            throw ServiceError.unsupportedHeader("x-ms-recursive", request.header("x-ms-recursive"));
        }
        HandleClosing closing = context.strategies().closing();
        HandleIndex index = target.namespace().handles();
        long closed;
        String nextMarker = null;
        if (id == null) {
            Handle from = context.strategies().markerReader().start(request.query("marker"), target.scope());
            HandleIndex.Page page = closing.all().close(index, target.scope(), from, context.settings().forceClosePageSize());
            closed = page.handles().size();
            nextMarker = context.strategies().markerWriter().next(index, target.scope(), page);
        } else {
            closed = closing.one().close(index, inTarget(target, id)) ? 1 : 0;
        }
        Reply reply = Reply.status(200);
        if (nextMarker != null) {
            reply.header("x-ms-marker", nextMarker);
        }
        reply.header("x-ms-number-of-handles-closed", Long.toString(closed));
        if (context.strategies().versions().supports(request, ApiVersions.HANDLES_FAILED_HEADER)) {
            reply.header("x-ms-number-of-handles-failed", "0");
        }
        return reply;
    }

    /** A decimal uint64; anything else is 400 InvalidHeaderValue, as the service answers "invalidHandleId". */
    private static long parseId(String handleId) {
        if (DECIMAL_ID.matcher(handleId).matches()) {
            try {
                return Long.parseUnsignedLong(handleId);
            } catch (NumberFormatException tooLarge) {
                // falls through to the refusal below
            }
        }
        throw ServiceError.invalidHeaderValue("x-ms-handle-id", handleId);
    }

    /** The handle the id names when it is one of the target's; null for an unknown id or one outside the target. */
    private Handle inTarget(HandleTarget target, long id) {
        Handle handle = context.account().handle(id);
        boolean inTarget = handle != null && handle.node().namespace() == target.namespace() && target.scope().contains(handle);
        return inTarget ? handle : null;
    }
}
