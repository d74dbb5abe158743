package io.handlestck.bench;

import io.handlestck.server.ReferenceServer;
import io.handlestck.testsupport.WireClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prepares the requests that wrk replays (bench/replay.lua): creates what they address on a running
 * server, signs each request once ({@link SignedOnce}), sends it twice to prove that the very same
 * bytes succeed when replayed (so wrk never measures a fast 403), and writes it as a request file.
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
        replayable(SignedOnce.sign(client, "PUT", client.request("PUT", SHARE, "empty.txt").query("comp", "forceclosehandles"),
                Map.of("x-ms-handle-id", "*")), out.resolve("fch.req"));
        SignedOnce.Timed listed = replayable(SignedOnce.sign(client, "GET",
                client.request("GET", SHARE, "ten.txt").query("comp", "listhandles"), Map.of()), out.resolve("list10.req"));
        int handles = new String(listed.body(), StandardCharsets.UTF_8).split("<Handle>", -1).length - 1;
        if (handles != LISTED_HANDLES) {
            throw new IllegalStateException("List Handles of ten.txt listed " + handles + " handles, not " + LISTED_HANDLES);
        }
        Files.write(out.resolve("list10.body"), listed.body());
    }

    /** Get Container Properties: Azurite's closest authenticated, read-only request with a small answer. */
    private static void prepareAzurite(WireClient client, Path out) throws IOException {
        WireClient.expect(client.requestEncoded("PUT", "/" + CONTAINER).query("restype", "container").send(), 201);
        replayable(SignedOnce.sign(client, "GET", client.requestEncoded("GET", "/" + CONTAINER).query("restype", "container"),
                Map.of()), out.resolve("getcontainer.req"));
    }

    /** Sends the signed request twice (both must answer 200: the replay is what wrk will do), then writes it. */
    private static SignedOnce.Timed replayable(SignedOnce request, Path file) throws IOException {
        SignedOnce.Timed response = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            response = request.send();
            if (response.status() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.status()
                        + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        Files.writeString(file, request.requestFile());
        return response;
    }
}
