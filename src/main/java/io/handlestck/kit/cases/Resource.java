package io.handlestck.kit.cases;

import io.handlestck.kit.TestShare;

/**
 * The three kinds of resource both handle operations address: a file, a directory, and the share
 * root (the root directory, reached through the share's own URL). Most cases run once per kind,
 * because a target can get one right and another wrong.
 */
public enum Resource {
    FILE("file"),
    DIRECTORY("directory"),
    SHARE_ROOT("share root");

    private final String label;

    Resource(String label) {
        this.label = label;
    }

    /** Creates the resource in {@code share} (the root always exists) and returns its path ({@code ""} for the root). */
    public String create(TestShare share) {
        return switch (this) {
            case FILE -> share.file("res/target.txt");
            case DIRECTORY -> share.directory("res/target");
            case SHARE_ROOT -> "";
        };
    }

    /** A path of this kind that {@link #create} never made, inside an existing share. */
    public String missingPath() {
        return switch (this) {
            case FILE -> "missing.txt";
            case DIRECTORY -> "missing-dir";
            case SHARE_ROOT -> "";
        };
    }

    public boolean isDirectory() {
        return this != FILE;
    }

    @Override
    public String toString() {
        return label;
    }
}
