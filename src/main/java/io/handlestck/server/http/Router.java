package io.handlestck.server.http;

import io.handlestck.server.ServerContext;
import io.handlestck.server.ops.DirectoryOperations;
import io.handlestck.server.ops.FileOperations;
import io.handlestck.server.ops.ForceCloseHandlesOperation;
import io.handlestck.server.ops.ListHandlesOperation;
import io.handlestck.server.ops.RenameOperation;
import io.handlestck.server.ops.ShareOperations;
import io.handlestck.server.ops.ShareListOperation;

/**
 * Picks the operation from {@code comp}, {@code restype}, the method and whether the URL names
 * the share or a path below it, as the File service's REST surface defines them.
 */
final class Router {

    private final ShareOperations shares;
    private final ShareListOperation shareList;
    private final DirectoryOperations directories;
    private final FileOperations files;
    private final RenameOperation rename;
    private final ListHandlesOperation listHandles;
    private final ForceCloseHandlesOperation forceClose;

    Router(ServerContext context) {
        this.shares = new ShareOperations(context);
        this.shareList = new ShareListOperation(context);
        this.directories = new DirectoryOperations(context);
        this.files = new FileOperations(context);
        this.rename = new RenameOperation(context);
        this.listHandles = new ListHandlesOperation(context);
        this.forceClose = new ForceCloseHandlesOperation(context);
    }

    Reply route(ServiceRequest request) {
        String method = request.method();
        String comp = request.query("comp");
        String restype = request.query("restype");
        if (request.share() == null) {
            if ("list".equals(comp) && restype == null) {
                return only(method, "GET", () -> shareList.list(request));
            }
            throw ServiceError.invalidUri("The account itself supports only List Shares (?comp=list).");
        }
        if ("listhandles".equals(comp)) {
            return only(method, "GET", () -> listHandles.list(request));
        }
        if ("forceclosehandles".equals(comp)) {
            return only(method, "PUT", () -> forceClose.forceClose(request));
        }
        if ("rename".equals(comp)) {
            return only(method, "PUT", () -> rename.rename(request));
        }
        if ("share".equals(restype)) {
            if (!request.segments().isEmpty()) {
                throw ServiceError.invalidUri("restype=share addresses a share, not a path below it.");
            }
            if ("snapshot".equals(comp)) {
                return only(method, "PUT", () -> shares.snapshot(request));
            }
            requireNoComp(comp);
            return switch (method) {
                case "PUT" -> shares.create(request);
                case "DELETE" -> shares.delete(request);
                case "GET", "HEAD" -> shares.properties(request);
                default -> throw ServiceError.unsupportedHttpVerb(method);
            };
        }
        if ("directory".equals(restype)) {
            requireNoComp(comp);
            return switch (method) {
                case "PUT" -> directories.create(request);
                case "DELETE" -> directories.delete(request);
                case "GET", "HEAD" -> directories.properties(request);
                default -> throw ServiceError.unsupportedHttpVerb(method);
            };
        }
        if (restype != null) {
            throw ServiceError.invalidQueryParameterValue("restype", restype, "restype must be share or directory.");
        }
        requireNoComp(comp);
        if (request.segments().isEmpty()) {
            throw ServiceError.invalidUri("A share URL needs restype=share or restype=directory.");
        }
        return switch (method) {
            case "PUT" -> files.create(request);
            case "DELETE" -> files.delete(request);
            case "GET", "HEAD" -> files.properties(request);
            default -> throw ServiceError.unsupportedHttpVerb(method);
        };
    }

    private static Reply only(String method, String allowed, java.util.function.Supplier<Reply> operation) {
        if (!method.equals(allowed)) {
            throw ServiceError.unsupportedHttpVerb(method);
        }
        return operation.get();
    }

    private static void requireNoComp(String comp) {
        if (comp != null) {
            throw ServiceError.invalidQueryParameterValue("comp", comp, "This resource does not support comp=" + comp + ".");
        }
    }
}
