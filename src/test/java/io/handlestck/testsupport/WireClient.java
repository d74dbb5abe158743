package io.handlestck.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handlestck.kit.client.UrlPaths;
import io.handlestck.server.ReferenceServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small SharedKey client of the Azure Files REST API and the Handle Fixture Protocol, independent of
 * the kit and of the server: it speaks {@link java.net.http.HttpClient}, signs with the shared
 * {@link io.handlestck.sharedkey.SharedKey} code and parses XML with the JDK DOM. It addresses the account
 * path-style ({@code http://127.0.0.1:PORT/ACCOUNT/share}) or host-style (URL {@code http://127.0.0.1:PORT/share}
 * with a {@code Host: ACCOUNT.localhost} header), and every request can be tampered with before it is sent.
 *
 * <p>The setup helpers ({@link #createShare} and friends) fail the test when the server refuses, because
 * a test whose precondition silently failed proves nothing.
 */
public final class WireClient {

    /** The x-ms-version sent unless a test picks another: a version the real service was recorded at. */
    public static final String DEFAULT_VERSION = "2024-05-04";

    static final HttpClient HTTP;

    static {
        // Host-style addressing sends a Host header naming the account to 127.0.0.1; the JDK client only lets a
        // caller set Host when this is set before its first use in the JVM. Surefire sets it too (pom.xml), in case
        // another test class touches java.net.http first; this covers runs from an IDE.
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
        HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI root;
    private final String accountPrefix;
    private final String hostHeader;
    private final String account;
    private final String key;
    private final String version;

    private WireClient(URI root, String accountPrefix, String hostHeader, String account, String key, String version) {
        this.root = root;
        this.accountPrefix = accountPrefix;
        this.hostHeader = hostHeader;
        this.account = account;
        this.key = key;
        this.version = version;
    }

    /** Path-style: the account is the first path segment of {@code endpoint} ({@code http://127.0.0.1:PORT/ACCOUNT}). */
    public static WireClient pathStyle(URI endpoint, String account, String key) {
        return new WireClient(serverRoot(endpoint), "/" + account, null, account, key, DEFAULT_VERSION);
    }

    /** Host-style: requests go to {@code endpoint}'s host and port with {@code Host: hostHeader} and no account in the path. */
    public static WireClient hostStyle(URI endpoint, String hostHeader, String account, String key) {
        return new WireClient(serverRoot(endpoint), "", hostHeader, account, key, DEFAULT_VERSION);
    }

    /** A path-style client of an embedded server with its own credentials. */
    public static WireClient of(ReferenceServer server) {
        return pathStyle(server.endpoint(), server.account(), server.key());
    }

    public WireClient withVersion(String otherVersion) {
        return new WireClient(root, accountPrefix, hostHeader, account, key, otherVersion);
    }

    public URI root() {
        return root;
    }

    public String hostHeader() {
        return hostHeader;
    }

    public String account() {
        return account;
    }

    public String key() {
        return key;
    }

    public String version() {
        return version;
    }

    /** A request to {@code share/path} (decoded; encoded here); {@code path} "" is the share itself. */
    public SignedRequest request(String method, String share, String path) {
        String resource = path.isEmpty() ? share : share + "/" + path;
        return requestEncoded(method, "/" + UrlPaths.encodePath(resource));
    }

    /** A request to a path given exactly as it goes on the wire after the account prefix (e.g. {@code /share/a%20b}). */
    public SignedRequest requestEncoded(String method, String encodedResourcePath) {
        return new SignedRequest(this, method, accountPrefix + encodedResourcePath);
    }

    /** A request to a server path outside the account namespace (e.g. {@code /$health}), with no account prefix. */
    public SignedRequest requestOutsideAccount(String method, String encodedPath) {
        return new SignedRequest(this, method, encodedPath);
    }

    /** The URL of a file or directory as the SDKs write it in {@code x-ms-file-rename-source}. */
    public String url(String share, String path) {
        return root + accountPrefix + "/" + UrlPaths.encodePath(path.isEmpty() ? share : share + "/" + path);
    }

    /** A Handle Fixture Protocol request: {@code suffix} is "" for the root or e.g. {@code /handles}. */
    public SignedRequest fixtureRequest(String method, String suffix) {
        return new SignedRequest(this, method, accountPrefix + "/$fixtures" + suffix);
    }

    // ---- namespace set-up --------------------------------------------------------------------------------------

    public void createShare(String share) {
        expect(request("PUT", share, "").query("restype", "share").send(), 201);
    }

    /** Creates a share snapshot and returns its {@code x-ms-snapshot} value. */
    public String createSnapshot(String share) {
        WireResponse response = expect(request("PUT", share, "").query("restype", "share").query("comp", "snapshot").send(), 201);
        return response.header("x-ms-snapshot")
                .orElseThrow(() -> new AssertionError("snapshot created without x-ms-snapshot: " + response));
    }

    public void createDirectory(String share, String path) {
        expect(request("PUT", share, path).query("restype", "directory").send(), 201);
    }

    public void createFile(String share, String path) {
        expect(request("PUT", share, path).header("x-ms-type", "file").header("x-ms-content-length", "0").send(), 201);
    }

    /** Creates a share and a tree: entries ending in {@code /} are directories, the others files; parents first. */
    public void createTree(String share, String... entries) {
        createShare(share);
        for (String entry : entries) {
            if (entry.endsWith("/")) {
                createDirectory(share, entry.substring(0, entry.length() - 1));
            } else {
                createFile(share, entry);
            }
        }
    }

    // ---- Handle Fixture Protocol -------------------------------------------------------------------------------

    /** Opens {@code count} handles on {@code share/path} (or on a snapshot of it) through {@code POST $fixtures/handles}. */
    public List<OpenedHandle> openHandles(String share, String path, String snapshot, int count) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("share", share);
        body.put("path", path);
        body.put("snapshot", snapshot);
        body.put("count", count);
        return openHandles(body);
    }

    public List<OpenedHandle> openHandles(String share, String path, int count) {
        return openHandles(share, path, null, count);
    }

    /** Opens handles with any fixture request body (clientIp, clientName, accessRights ...). */
    public List<OpenedHandle> openHandles(Map<String, ?> body) {
        WireResponse response = expect(fixtureRequest("POST", "/handles").body(json(body), "application/json").send(), 201);
        List<OpenedHandle> opened = new ArrayList<>();
        for (JsonNode handle : response.json().path("handles")) {
            opened.add(new OpenedHandle(handle.path("handleId").asText(), handle.path("path").asText(),
                    handle.path("fileId").asText(), handle.path("parentId").asText(), handle.path("sessionId").asText()));
        }
        return opened;
    }

    /** What the SMB client of a handle sees: {@code open}, {@code closed} or {@code force-closed}. */
    public String handleState(String share, String handleId) {
        WireResponse response = expect(fixtureRequest("GET", "/handles/" + handleId).query("share", share).send(), 200);
        return response.json().path("state").asText();
    }

    /** The SMB client closes its own handle. */
    public void closeAsClient(String share, String handleId) {
        expect(fixtureRequest("DELETE", "/handles/" + handleId).query("share", share).send(), 204);
    }

    // ---- List Handles and Force Close Handles ------------------------------------------------------------------

    /** A List Handles request for the scope, ready for more tampering. */
    public SignedRequest listHandlesRequest(Scope scope) {
        SignedRequest request = request("GET", scope.share(), scope.path()).query("comp", "listhandles");
        if (scope.snapshot() != null) {
            request.query("sharesnapshot", scope.snapshot());
        }
        if (scope.recursive()) {
            request.header("x-ms-recursive", "true");
        }
        return request;
    }

    /** One List Handles page; {@code maxResults} and {@code marker} are left out when null. */
    public HandleListing listHandles(Scope scope, Integer maxResults, String marker) {
        SignedRequest request = listHandlesRequest(scope);
        if (maxResults != null) {
            request.query("maxresults", maxResults.toString());
        }
        if (marker != null) {
            request.query("marker", marker);
        }
        return HandleListing.parse(expect(request.send(), 200));
    }

    /** Every handle in the scope, following {@code NextMarker} page by page. */
    public List<ListedHandle> listAllHandles(Scope scope, Integer pageSize) {
        List<ListedHandle> all = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            HandleListing page = listHandles(scope, pageSize, marker);
            all.addAll(page.handles());
            marker = page.nextMarker();
            if (++pages > 1_000_000) {
                throw new AssertionError("List Handles paging of " + scope + " does not end");
            }
        } while (marker != null);
        return all;
    }

    /** A Force Close Handles request for the scope and handle id ({@code *} for all), ready for more tampering. */
    public SignedRequest forceCloseRequest(Scope scope, String handleId) {
        SignedRequest request = request("PUT", scope.share(), scope.path()).query("comp", "forceclosehandles");
        if (scope.snapshot() != null) {
            request.query("sharesnapshot", scope.snapshot());
        }
        if (scope.recursive()) {
            request.header("x-ms-recursive", "true");
        }
        return request.header("x-ms-handle-id", handleId);
    }

    /** One Force Close Handles call; {@code marker} is left out when null. */
    public ForceCloseResult forceClose(Scope scope, String handleId, String marker) {
        SignedRequest request = forceCloseRequest(scope, handleId);
        if (marker != null) {
            request.query("marker", marker);
        }
        return forceCloseResult(expect(request.send(), 200));
    }

    /** Force-closes until no {@code x-ms-marker} comes back; the result sums the counts of every call. */
    public ForceCloseResult forceCloseAll(Scope scope, String handleId) {
        int closed = 0;
        Integer failed = null;
        int calls = 0;
        String marker = null;
        do {
            ForceCloseResult page = forceClose(scope, handleId, marker);
            calls++;
            closed += page.closed();
            if (page.failed() != null) {
                failed = (failed == null ? 0 : failed) + page.failed();
            }
            marker = page.marker();
            if (calls > 1_000_000) {
                throw new AssertionError("Force Close paging of " + scope + " does not end");
            }
        } while (marker != null);
        return new ForceCloseResult(closed, failed, null, calls);
    }

    /** Reads the counts and marker of a 200 Force Close answer. */
    public static ForceCloseResult forceCloseResult(WireResponse response) {
        String closed = response.header("x-ms-number-of-handles-closed")
                .orElseThrow(() -> new AssertionError("no x-ms-number-of-handles-closed on " + response));
        Integer failed = response.header("x-ms-number-of-handles-failed").map(Integer::valueOf).orElse(null);
        String marker = response.header("x-ms-marker").filter(value -> !value.isEmpty()).orElse(null);
        return new ForceCloseResult(Integer.parseInt(closed), failed, marker, 1);
    }

    /** Fails with the status, error code and body when the server did not answer one of the expected statuses. */
    public static WireResponse expect(WireResponse response, int... statuses) {
        if (Arrays.stream(statuses).noneMatch(status -> status == response.status())) {
            throw new AssertionError("expected " + Arrays.toString(statuses) + " from " + response + "\n" + response.text());
        }
        return response;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write fixture body " + body, e);
        }
    }

    private static URI serverRoot(URI endpoint) {
        return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority());
    }
}
