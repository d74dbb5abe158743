package io.handlestck.kit.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handlestck.kit.PreconditionNotMet;
import io.handlestck.kit.client.Answer;
import io.handlestck.kit.client.TargetClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Opens handles through the Handle Fixture Protocol v1 ({@code $fixtures}, see ARCHITECTURE.md):
 * the way a target that wants certification without an SMB client lets the kit make handles.
 * Requests are signed and recorded like any other, so they appear in the case's trace.
 */
public final class FixtureProvisioner implements HandleProvisioner {

    public static final String NAME = "fixture";
    public static final String PROTOCOL = "hfp/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProvisionerContext context;
    private final int forceClosePageSize;

    FixtureProvisioner(ProvisionerContext context, int forceClosePageSize) {
        this.context = context;
        this.forceClosePageSize = forceClosePageSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.HANDLES, Capability.SNAPSHOTS, Capability.FIXTURE_STATE, Capability.CLIENT_IDENTITY);
    }

    @Override
    public List<OpenedHandle> open(HandleRequest request) {
        if (request.deleteOnClose()) {
            throw new PreconditionNotMet("the fixture protocol has no delete-on-close open (capability "
                    + Capability.DELETE_ON_CLOSE + ")");
        }
        ObjectNode body = JSON.createObjectNode()
                .put("share", request.share())
                .put("path", request.path())
                .put("snapshot", request.snapshot())
                .put("count", request.count())
                .put("clientIp", request.clientIp())
                .put("clientName", request.clientName())
                .put("sessionId", request.sessionId());
        if (!request.accessRights().isEmpty()) {
            request.accessRights().forEach(body.putArray("accessRights")::add);
        }
        Answer response = context.send("POST", fixturesUrl(context, "/handles"), Map.of(),
                "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
        if (response.status() != 201) {
            throw new PreconditionNotMet("the fixture protocol did not open " + request.count() + " handle(s) on '"
                    + request.path() + "'" + (request.snapshot() == null ? "" : " of snapshot " + request.snapshot())
                    + ": " + response.status() + " " + response.text());
        }
        List<OpenedHandle> opened = new ArrayList<>();
        for (JsonNode handle : json(response).path("handles")) {
            opened.add(new OpenedHandle(handle.path("handleId").asText(), request.share(),
                    handle.path("path").asText(request.path()), request.snapshot(), text(handle, "fileId"),
                    text(handle, "parentId"), text(handle, "sessionId")));
        }
        if (opened.size() != request.count()) {
            throw new PreconditionNotMet("the fixture protocol was asked for " + request.count()
                    + " handle(s) and reported " + opened.size());
        }
        return opened;
    }

    @Override
    public HandleState state(String share, String handleId) {
        Answer response = onHandle("GET", share, handleId);
        if (response.status() != 200) {
            throw new PreconditionNotMet("the fixture protocol cannot tell the state of handle " + handleId + ": "
                    + response.status());
        }
        String state = json(response).path("state").asText();
        return switch (state) {
            case "open" -> HandleState.OPEN;
            case "closed" -> HandleState.CLOSED;
            case "force-closed" -> HandleState.FORCE_CLOSED;
            default -> throw new PreconditionNotMet("the fixture protocol reported an unknown handle state '" + state + "'");
        };
    }

    @Override
    public void closeAsClient(String share, String handleId) {
        Answer response = onHandle("DELETE", share, handleId);
        if (response.status() != 204) {
            throw new PreconditionNotMet("the fixture protocol did not close handle " + handleId + " as its client: "
                    + response.status());
        }
    }

    @Override
    public OptionalInt forceClosePageSize() {
        return forceClosePageSize > 0 ? OptionalInt.of(forceClosePageSize) : OptionalInt.empty();
    }

    /** {@code METHOD $fixtures/handles/{id}?share=...}. */
    private Answer onHandle(String method, String share, String handleId) {
        return context.send(method, TargetClient.withQuery(fixturesUrl(context, "/handles/" + handleId), "share", share),
                Map.of(), null, null);
    }

    /** The URL of the Handle Fixture Protocol resource {@code rest} (e.g. {@code /handles}). */
    static String fixturesUrl(ProvisionerContext context, String rest) {
        return context.target().endpoint() + "/$fixtures" + rest;
    }

    private static JsonNode json(Answer response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PreconditionNotMet("the fixture protocol answered something that is not JSON: "
                    + response.text(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Detects the protocol with {@code GET $fixtures} and remembers the target's force-close page size. */
    public static final class Factory implements HandleProvisionerFactory {
        private volatile int forceClosePageSize;

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean detect(ProvisionerContext context) {
            Answer response = context.send("GET", fixturesUrl(context, ""), Map.of(), null, null);
            if (response.status() != 200) {
                return false;
            }
            try {
                JsonNode root = JSON.readTree(response.body());
                forceClosePageSize = root.path("forceClosePageSize").asInt(0);
                return PROTOCOL.equals(root.path("protocol").asText());
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public HandleProvisioner create(ProvisionerContext context) {
            return new FixtureProvisioner(context, forceClosePageSize);
        }
    }
}
