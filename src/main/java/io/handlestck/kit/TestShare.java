package io.handlestck.kit;

import io.handlestck.kit.client.Answers;
import io.handlestck.kit.client.TargetClient;
import io.restassured.response.Response;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A share that belongs to one case invocation: named with the run's prefix, created when the case
 * asks for it and deleted afterwards (with its snapshots) by the kit. Building the tree inside it is
 * setup, so a refused create is {@link SetupFailed} (status ERROR), never a verdict.
 */
public final class TestShare {

    private final TargetClient client;
    private final String name;
    private final Set<String> directories = ConcurrentHashMap.newKeySet();
    private Response createAnswer;

    TestShare(TargetClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The encoded URL of a path in this share ({@code ""} for the root). */
    public String url(String path) {
        return client.url(name, path);
    }

    /** Creates the directory and any missing parents; returns {@code path} for chaining. */
    public String directory(String path) {
        String parent = parentOf(path);
        if (!parent.isEmpty()) {
            directory(parent);
        }
        if (directories.add(path)) {
            expect(client.createDirectory(name, path), 201, "Create Directory " + path);
        }
        return path;
    }

    /** Creates an empty file and any missing parent directories; returns {@code path} for chaining. */
    public String file(String path) {
        String parent = parentOf(path);
        if (!parent.isEmpty()) {
            directory(parent);
        }
        expect(client.createFile(name, path), 201, "Create File " + path);
        return path;
    }

    /**
     * Takes a snapshot of the share as it is now; returns its {@code x-ms-snapshot} value. A target
     * without snapshots cannot have the case's precondition made: {@link PreconditionNotMet}.
     */
    public String snapshot() {
        Response response = client.createSnapshot(name);
        String snapshot = response.getHeader("x-ms-snapshot");
        if (response.getStatusCode() != 201 || snapshot == null || snapshot.isEmpty()) {
            throw new PreconditionNotMet("the target did not take a snapshot of share " + name + ": Create Share"
                    + " Snapshot answered " + Answers.statusAndCode(response)
                    + (snapshot == null ? " without x-ms-snapshot" : ""));
        }
        return snapshot;
    }

    /** The answer Create Share gave for this share (the set-up cases judge it). */
    public Response createAnswer() {
        return createAnswer;
    }

    void create() {
        createAnswer = expect(client.createShare(name), 201, "Create Share");
    }

    private Response expect(Response response, int status, String what) {
        if (response.getStatusCode() != status) {
            throw new SetupFailed(what + " in share " + name + " answered "
                    + Answers.statusAndCode(response) + ", expected " + status);
        }
        return response;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
