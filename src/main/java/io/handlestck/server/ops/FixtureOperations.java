package io.handlestck.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.AccessRights;
import io.handlestck.server.model.Account;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleSpec;
import io.handlestck.server.model.Namespace;
import io.handlestck.server.model.Share;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Handle Fixture Protocol v1 (ARCHITECTURE.md), under {@code {endpoint}/$fixtures}: REST cannot
 * open handles, so this is how a test plays the SMB client that opens, inspects and closes them.
 */
public final class FixtureOperations {

    /** Bounds one request so a typo cannot exhaust the heap; the benchmarks open a million in batches. */
    static final int MAX_COUNT = 100_000;

    /** Built on first use, not at server start: Jackson's start-up cost belongs to the first fixture call. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    }

    /** The body of {@code POST $fixtures/handles}; only share and path are required. */
    record OpenRequest(String share, String path, String snapshot, Integer count, String clientIp, String clientName,
                       String sessionId, List<String> accessRights) {
    }

    private final ServerContext context;

    public FixtureOperations(ServerContext context) {
        this.context = context;
    }

    /** Dispatches a request whose share segment is {@code $fixtures}. */
    public Reply handle(ServiceRequest request) {
        List<String> segments = request.segments();
        String method = request.method();
        if (segments.isEmpty()) {
            requireMethod(method, "GET");
            return describe();
        }
        if (!segments.get(0).equals("handles") || segments.size() > 2) {
            throw ServiceError.resourceNotFound();
        }
        if (segments.size() == 1) {
            requireMethod(method, "POST");
            return open(request);
        }
        Handle handle = find(request, segments.get(1));
        return switch (method) {
            case "GET" -> json(200, Map.of("state", handle.state().wireName()));
            case "DELETE" -> {
                handle.node().namespace().handles().clientClose(handle);
                yield Reply.status(204);
            }
            default -> throw ServiceError.unsupportedHttpVerb(method);
        };
    }

    private Reply describe() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("protocol", "hfp/1");
        body.put("forceClosePageSize", context.settings().forceClosePageSize());
        body.put("features", List.of("snapshots", "client-close", "handle-state", "access-rights", "client-name"));
        return json(200, body);
    }

    private Reply open(ServiceRequest request) {
        OpenRequest open;
        try {
            open = Json.MAPPER.readValue(request.body(), OpenRequest.class);
        } catch (JsonProcessingException e) {
            throw ServiceError.invalidInput("The body is not a fixture open request: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ServiceError.invalidInput("The body cannot be read.");
        }
        if (open == null || open.share() == null || open.path() == null) {
            throw ServiceError.invalidInput("'share' and 'path' are required.");
        }
        int count = open.count() == null ? 1 : open.count();
        if (count < 1 || count > MAX_COUNT) {
            throw ServiceError.invalidInput("'count' must be between 1 and " + MAX_COUNT + ".");
        }
        List<String> rights = open.accessRights() == null ? List.of("Read") : open.accessRights();
        if (!rights.stream().allMatch(AccessRights::isName)) {
            throw ServiceError.invalidInput("'accessRights' may hold only Read, Write and Delete.");
        }
        String clientIp = open.clientIp() == null ? request.remoteAddress() : open.clientIp();
        String clientName = open.clientName() == null ? "handlestck-client" : open.clientName();
        long sessionId = open.sessionId() == null ? Account.newSessionId() : parseSessionId(open.sessionId());

        Share share = context.account().share(open.share());
        if (share == null) {
            throw ServiceError.shareNotFound();
        }
        Namespace namespace = share.live();
        if (open.snapshot() != null) {
            namespace = share.snapshot(Resources.canonicalSnapshot(open.snapshot()));
            if (namespace == null) {
                throw ServiceError.shareNotFound();
            }
        }
        List<String> path = open.path().isEmpty() ? List.of() : Resources.validatePath(Arrays.asList(open.path().split("/", -1)), true);
        List<Handle> handles = namespace.open(path, new HandleSpec(count, clientIp, clientName, sessionId, AccessRights.of(rights)));
        List<Map<String, String>> described = handles.stream().map(handle -> Map.of(
                "handleId", Long.toUnsignedString(handle.id()),
                "path", handle.node().path(),
                "fileId", Long.toUnsignedString(handle.node().fileId()),
                "parentId", Long.toUnsignedString(handle.node().parentId()),
                "sessionId", Long.toUnsignedString(handle.sessionId()))).toList();
        return json(201, Map.of("handles", described));
    }

    /** The handle by id, within {@code ?share=} when given; 404 when never opened there. */
    private Handle find(ServiceRequest request, String rawId) {
        Handle handle;
        try {
            handle = context.account().handle(Long.parseUnsignedLong(rawId));
        } catch (NumberFormatException e) {
            throw ServiceError.resourceNotFound();
        }
        String share = request.query("share");
        if (handle == null || (share != null && !handle.node().namespace().share().name().equalsIgnoreCase(share))) {
            throw ServiceError.resourceNotFound();
        }
        return handle;
    }

    private static long parseSessionId(String sessionId) {
        try {
            return Long.parseUnsignedLong(sessionId);
        } catch (NumberFormatException e) {
            throw ServiceError.invalidInput("'sessionId' must be a decimal uint64.");
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw ServiceError.unsupportedHttpVerb(method);
        }
    }

    private static Reply json(int status, Object body) {
        try {
            return Reply.status(status).body("application/json", Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fixture JSON", e);
        }
    }
}
