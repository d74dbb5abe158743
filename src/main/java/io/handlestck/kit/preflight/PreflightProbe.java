package io.handlestck.kit.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handlestck.kit.client.Answers;
import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.Target;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.result.Exchange;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Probes a target once, before the cases: can it be reached (and over TLS, when the endpoint says
 * https), does it accept the key, does it create a share and list its handles, does it serve the Handle
 * Fixture Protocol, does something listen on its SMB port, and what does its {@code Server} header say.
 * The answers become one {@link Preflight} whose finding names the first thing that is wrong, in the
 * order a user would fix them.
 */
public final class PreflightProbe {

    /** The port Azure Files and every SMB server listen on. */
    public static final int SMB_PORT = 445;

    /** Reads the {@code $fixtures} answer: Jackson is loaded anyway, REST Assured's JSON path compiles a Groovy script. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TargetClient client;
    /** The status of the newest answer, seen before the answer rules judge it. */
    private int lastStatus;
    private final InetSocketAddress smb;
    private final List<String> checks = new ArrayList<>();
    private String serverHeader;

    /**
     * @param smb where SMB would be served; null to skip the SMB probe
     */
    private PreflightProbe(Target target, InetSocketAddress smb) {
        this.client = new TargetClient(target, this::noticeServer);
        this.smb = smb;
    }

    /** Probes with the SMB port at the endpoint's host. */
    public static Preflight probe(Target target, String shareName) {
        return probe(target, shareName, new InetSocketAddress(target.endpoint().getHost(), SMB_PORT));
    }

    /**
     * @param shareName a share the probe may create and deletes again; it should carry the run's prefix
     * @param smb       the SMB endpoint to try a TCP connection to, or null
     */
    public static Preflight probe(Target target, String shareName, InetSocketAddress smb) {
        return new PreflightProbe(target, smb).run(shareName);
    }

    private Preflight run(String shareName) {
        Response listShares;
        try {
            listShares = client.send("GET", TargetClient.withQuery(client.endpoint().toString(), "comp", "list"), Map.of());
        } catch (RuntimeException e) { // the transport's IOException, wrapped by the client
            String why = Reachability.describe(client.endpoint(), e);
            checks.add("reachable: no (" + why + ")");
            return new Preflight(false, "the target cannot be reached: " + why, checks, null);
        }
        checks.add("reachable: yes (" + hostAndPort() + ")");
        checks.add("TLS: " + ("https".equalsIgnoreCase(client.endpoint().getScheme()) ? "handshake completed" : "not used (http)"));
        checks.add("List Shares: " + Answers.statusAndCode(listShares));

        Response created = client.createShare(shareName);
        String createAnswer = Answers.statusAndCode(created);
        checks.add("Create Share: " + createAnswer);
        boolean shareExists = created.getStatusCode() == 201 || created.getStatusCode() == 409;
        int listStatus = 0;
        String listAnswer = null;
        if (shareExists) {
            try {
                Response listed = client.listHandles(ListHandlesCall.on(shareName, ""));
                listStatus = listed.getStatusCode();
                listAnswer = Answers.statusAndCode(listed);
            } catch (AssertionError brokenRule) {
                // The target answered, but broke a rule of every answer: that is for the cases to judge, not
                // a reason to call the whole endpoint unusable.
                listStatus = lastStatus;
                listAnswer = lastStatus + " (breaks an answer rule: " + brokenRule.getMessage() + ")";
            }
            checks.add("List Handles: " + listAnswer);
            Response deleted = client.deleteShare(shareName);
            checks.add("Delete Share: " + Answers.statusAndCode(deleted));
        }
        String fixtures = fixtureProtocol();
        checks.add("handle fixture protocol ($fixtures): " + fixtures);
        String smbState = smb == null ? "not probed" : Reachability.tcp(smb);
        if (smb != null) {
            checks.add("SMB " + smb.getHostString() + ":" + smb.getPort() + ": " + smbState);
        }
        checks.add("Server header: " + (serverHeader == null ? "none" : serverHeader));
        String server = serverHeader == null ? "no Server header" : "Server: " + serverHeader;

        if (created.getStatusCode() == 401 || created.getStatusCode() == 403) {
            return new Preflight(false, "every request is refused with " + createAnswer
                    + ": check the account name and key", checks, new Preflight.Cause("Create Share", createAnswer));
        }
        if (!shareExists) {
            return new Preflight(false, "this endpoint does not implement the Azure Files REST API: Create Share answered "
                    + createAnswer + (created.getStatusCode() < 400 ? " (a File service answers 201)" : "") + "; " + server,
                    checks, new Preflight.Cause("Create Share", createAnswer));
        }
        if (listStatus != 200) {
            return new Preflight(false, "this endpoint creates shares but does not implement List Handles: it answered "
                    + listAnswer + "; " + server, checks, new Preflight.Cause(HandleOperation.LIST_HANDLES.toString(), listAnswer));
        }
        return new Preflight(true, "the target serves the Azure Files REST API: Create Share " + created.getStatusCode()
                + ", List Handles 200; handles: " + fixtures + "; SMB: " + smbState + "; " + server, checks, null);
    }

    /** {@code fixture protocol hfp/1}, or why there is none. */
    private String fixtureProtocol() {
        try {
            Response answer = client.send("GET", client.endpoint() + "/$fixtures", Map.of());
            String protocol = answer.getStatusCode() == 200 ? protocolOf(answer.asByteArray()) : null;
            return protocol != null ? "fixture protocol " + protocol
                    : "no fixture protocol (GET $fixtures answered " + Answers.statusAndCode(answer) + ")";
        } catch (IOException | RuntimeException e) { // a body that is not JSON, or the connection dropped
            return "no fixture protocol (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** The top-level {@code protocol} member of a JSON body, as text; null when there is none. */
    private static String protocolOf(byte[] body) throws IOException {
        JsonNode protocol = JSON.readTree(body).get("protocol");
        if (protocol == null || protocol.isNull()) {
            return null;
        }
        return protocol.isValueNode() ? protocol.asText() : protocol.toString();
    }

    private void noticeServer(Exchange exchange) {
        lastStatus = exchange.status();
        if (serverHeader != null) {
            return;
        }
        exchange.responseHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Server") && !values.isEmpty()) {
                serverHeader = values.get(0);
            }
        });
    }

    private String hostAndPort() {
        return client.endpoint().getHost() + ":" + Reachability.port(client.endpoint());
    }
}
