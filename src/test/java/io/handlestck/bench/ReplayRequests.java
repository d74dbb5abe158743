package io.handlestck.bench;

import io.handlestck.server.ReferenceServer;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepares the requests that wrk replays (bench/replay.lua): creates what they address on a running
 * server, signs each request once, sends it twice to prove that the very same bytes succeed when
 * replayed (so wrk never measures a fast 403), and writes it as a request file.
 *
 * <pre>
 * ReplayRequests reference http://127.0.0.1:PORT/devstoreaccount1 OUTDIR   → fch.req, list10.req, list10.body
 * ReplayRequests azurite   http://127.0.0.1:PORT/devstoreaccount1 OUTDIR   → getcontainer.req
 * </pre>
 * {@code list10.body} is the exact List Handles answer, which nginx then serves as its static answer
 * of the same size.
 */
public final class ReplayRequests {

    static final String SHARE = "bench";
    static final String CONTAINER = "bench";
    static final int LISTED_HANDLES = 10;

    private ReplayRequests() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ReplayRequests reference|azurite ENDPOINT OUTDIR");
            System.exit(2);
        }
        WireClient client = WireClient.pathStyle(URI.create(args[1]), ReferenceServer.DEV_ACCOUNT, ReferenceServer.DEV_KEY);
        Path out = Files.createDirectories(Path.of(args[2]));
        switch (args[0]) {
            case "reference" -> prepareReference(client, out);
            case "azurite" -> prepareAzurite(client, out);
            default -> {
                System.err.println("unknown target kind: " + args[0]);
                System.exit(2);
            }
        }
    }

    /** A Force Close Handles on a file with no handles, and a List Handles of a file with ten. */
    private static void prepareReference(WireClient client, Path out) throws IOException {
        client.createTree(SHARE, "empty.txt", "ten.txt");
        client.openHandles(SHARE, "ten.txt", LISTED_HANDLES);

        Map<String, String> closeHeaders = Map.of("x-ms-handle-id", "*");
        replayable(client, client.request("PUT", SHARE, "empty.txt").query("comp", "forceclosehandles"),
                closeHeaders, out.resolve("fch.req"));

        SignedRequest list = client.listHandlesRequest(Scope.of(SHARE, "ten.txt"));
        WireResponse listed = replayable(client, list, Map.of(), out.resolve("list10.req"));
        int handles = listed.xml().getElementsByTagName("Handle").getLength();
        if (handles != LISTED_HANDLES) {
            throw new IllegalStateException("List Handles of ten.txt listed " + handles + " handles, not " + LISTED_HANDLES);
        }
        Files.write(out.resolve("list10.body"), listed.body());
    }

    /** Get Container Properties: Azurite's closest authenticated, read-only request with a small answer. */
    private static void prepareAzurite(WireClient client, Path out) throws IOException {
        WireClient.expect(client.requestEncoded("PUT", "/" + CONTAINER).query("restype", "container").send(), 201);
        replayable(client, client.requestEncoded("GET", "/" + CONTAINER).query("restype", "container"),
                Map.of(), out.resolve("getcontainer.req"));
    }

    /**
     * Dates and signs the request once, sends it twice (both must answer 200), and writes it in the
     * request-file format of replay.lua with exactly the headers that were signed.
     */
    private static WireResponse replayable(WireClient client, SignedRequest request, Map<String, String> extraHeaders,
                                           Path file) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ms-date", SignedRequest.rfc1123(ZonedDateTime.now(ZoneOffset.UTC)));
        headers.put("x-ms-version", client.version());
        headers.putAll(extraHeaders);
        headers.forEach(request::header);
        String[] signature = new String[1];
        request.tamperSignature(computed -> signature[0] = computed);
        WireResponse response = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            response = WireClient.expect(request.send(), 200);
        }
        headers.put("Authorization", "SharedKey " + client.account() + ":" + signature[0]);
        URI uri = request.uri();
        StringBuilder text = new StringBuilder()
                .append(response.method()).append('\n')
                .append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append('\n');
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        Files.writeString(file, text.toString());
        return response;
    }
}
