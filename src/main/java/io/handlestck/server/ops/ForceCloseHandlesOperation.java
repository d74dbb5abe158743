package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.defects.Defect;
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
            if (!context.defect(Defect.MISSING_HANDLE_ID_ACCEPTED)) {
                throw ServiceError.missingRequiredHeader("x-ms-handle-id");
            }
            handleId = "*";
        }
        handleId = handleId.trim();
        Long id = handleId.equals("*") ? null : parseId(handleId);
        HandleTarget target = HandleTarget.resolve(context, request);
        if (!target.node().isDirectory() && target.recursive() != null && !context.defect(Defect.RECURSIVE_ON_FILE_ACCEPTED)) {
            // The document says a recursive force close on a file "causes 400" without naming the code. The
            // swagger declares x-ms-recursive only for the directory operations, so for a file it is a header
            // the operation does not support: UnsupportedHeader is the service's code for exactly that.
            throw ServiceError.unsupportedHeader("x-ms-recursive", request.header("x-ms-recursive"));
        }
        boolean removeClosed = !context.defect(Defect.CLOSED_HANDLES_LISTED);
        long closed;
        String nextMarker = null;
        if (id == null && handleId.equals("*")) {
            boolean onlyOne = context.defect(Defect.WILDCARD_CLOSES_ONE);
            int pageSize = onlyOne ? 1 : context.settings().forceClosePageSize();
            HandleIndex index = target.namespace().handles();
            Handle from = Paging.start(context, request.query("marker"), target.scope());
            HandleIndex.Page page = index.forceClose(target.scope(), from, pageSize, removeClosed);
            closed = page.handles().size();
            if (!onlyOne && !context.defect(Defect.FORCE_CLOSE_MARKER_MISSING)) {
                nextMarker = Paging.nextMarker(context, index, target.scope(), page);
            }
        } else {
            closed = id == null ? 0 : closeOne(target, id, removeClosed) ? 1 : 0;
        }
        if (context.defect(Defect.CLOSED_COUNT_OFF_BY_ONE)) {
            closed++;
        }
        Reply reply = Reply.status(200);
        if (nextMarker != null) {
            reply.header("x-ms-marker", nextMarker);
        }
        reply.header("x-ms-number-of-handles-closed", Long.toString(closed));
        boolean failedHeader = request.versionAtLeast(ApiVersions.HANDLES_FAILED_HEADER) || context.defect(Defect.VERSION_GATING_IGNORED);
        if (failedHeader && !context.defect(Defect.FAILED_COUNT_MISSING)) {
            reply.header("x-ms-number-of-handles-failed", "0");
        }
        return reply;
    }

    /** A decimal uint64; anything else is 400 InvalidHeaderValue, as the service answers "invalidHandleId" (null under a defect). */
    private Long parseId(String handleId) {
        if (DECIMAL_ID.matcher(handleId).matches()) {
            try {
                return Long.parseUnsignedLong(handleId);
            } catch (NumberFormatException tooLarge) {
                // falls through to the refusal below
            }
        }
        if (context.defect(Defect.MALFORMED_ID_ACCEPTED)) {
            return null;
        }
        throw ServiceError.invalidHeaderValue("x-ms-handle-id", handleId);
    }

    /** Closes the handle when it is open and within the target; an unknown id is a success with 0 closed. */
    private boolean closeOne(HandleTarget target, long id, boolean removeClosed) {
        Handle handle = context.account().handle(id);
        boolean inTarget = handle != null && handle.node().namespace() == target.namespace() && target.scope().contains(handle);
        if (!inTarget) {
            if (context.defect(Defect.UNKNOWN_ID_NOT_FOUND)) {
                throw ServiceError.resourceNotFound();
            }
            return false;
        }
        return target.namespace().handles().forceClose(handle, removeClosed);
    }
}
