package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Node;
import io.handlestck.server.model.Share;
import io.handlestck.server.ops.Resources;
import java.util.Locale;

/** What the faults ask about an exchange: which operation it is and what it addresses. */
final class Exchanges {

    static final String LIST_HANDLES = "listhandles";
    static final String FORCE_CLOSE_HANDLES = "forceclosehandles";
    private static final String FIXTURES = "$fixtures";

    private Exchanges() {
    }

    /** True for a request to the account's share namespace with this {@code comp} (never the fixture protocol). */
    static boolean isOperation(ServiceRequest request, String comp) {
        return request != null && isShareRequest(request) && comp.equals(request.query("comp"));
    }

    /** True for List Handles or Force Close Handles. */
    static boolean isHandleOperation(ServiceRequest request) {
        return isOperation(request, LIST_HANDLES) || isOperation(request, FORCE_CLOSE_HANDLES);
    }

    /** True for Create Share, Create Directory or Create File: a {@code PUT} below the account without {@code comp}. */
    static boolean isCreate(ServiceRequest request) {
        return isWithoutComp(request, "PUT");
    }

    /** True for Delete Share, Delete Directory or Delete File: a {@code DELETE} below the account without {@code comp}. */
    static boolean isDelete(ServiceRequest request) {
        return isWithoutComp(request, "DELETE");
    }

    private static boolean isWithoutComp(ServiceRequest request, String method) {
        return request != null && isShareRequest(request) && request.method().equals(method) && request.query("comp") == null;
    }

    /** True when the operation with this {@code comp} answered 200. */
    static boolean succeeded(ServiceRequest request, String comp, Reply answer) {
        return answer.status() == 200 && isOperation(request, comp);
    }

    /** True for a request authorized by {@code Authorization: Bearer …}. */
    static boolean bearerAuthorized(ServiceRequest request) {
        String authorization = request == null ? null : request.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length());
    }

    /** True for a request below a share, not the fixture protocol. */
    static boolean isShareRequest(ServiceRequest request) {
        return request.share() != null && !FIXTURES.equals(request.share());
    }

    /** True for a request of the Handle Fixture Protocol. */
    static boolean isFixtureRequest(ServiceRequest request) {
        return request != null && FIXTURES.equals(request.share());
    }

    /** {@code x-ms-recursive} as the operations read it; null when absent or not a boolean (the operation refuses that itself). */
    static Boolean recursive(ServiceRequest request) {
        String value = request.header("x-ms-recursive");
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The file or directory the request addresses, or null when it does not exist or the request is refused anyway. */
    static Node addressedNode(ServerContext context, ServiceRequest request) {
        try {
            Share share = context.account().share(Resources.shareName(request));
            return share == null ? null : Resources.namespace(share, request).find(Resources.path(request));
        } catch (ServiceError refusedAnyway) {
            return null;
        }
    }
}
