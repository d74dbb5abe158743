package io.handlestck.testsupport;

/**
 * What a handle operation addresses: a file, a directory or the share root ({@code path} ""), on the
 * live share or on one of its snapshots, with or without {@code x-ms-recursive: true}.
 */
public record Scope(String share, String path, String snapshot, boolean recursive) {

    public static Scope of(String share, String path) {
        return new Scope(share, path, null, false);
    }

    public static Scope root(String share) {
        return of(share, "");
    }

    public Scope recursively() {
        return new Scope(share, path, snapshot, true);
    }

    public Scope onSnapshot(String snapshotValue) {
        return new Scope(share, path, snapshotValue, recursive);
    }
}
