package io.handlestck.server.defects;

import java.util.List;

/**
 * One named, realistic way for the server to misbehave, switched on with {@code serve --defect NAME}.
 * Each defect names the kit cases that must catch it; the meta-tests check exactly those.
 */
public enum Defect {
    RECURSION_IGNORED("x-ms-recursive is ignored: a recursive close or list only touches the directory itself");

    private final String description;
    private final List<String> caughtBy;

    Defect(String description, String... caughtBy) {
        this.description = description;
        this.caughtBy = List.of(caughtBy);
    }

    public String description() {
        return description;
    }

    /** The kit case ids that must report FAIL or WARN when this defect is on. */
    public List<String> caughtBy() {
        return caughtBy;
    }
}
