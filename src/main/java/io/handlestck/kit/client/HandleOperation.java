package io.handlestck.kit.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two operations the kit certifies, with the name the specification gives them (what reports and
 * variant names show) and the {@code comp} query value that addresses each on the wire.
 */
public enum HandleOperation {
    LIST_HANDLES("List Handles", "listhandles"),
    FORCE_CLOSE_HANDLES("Force Close Handles", "forceclosehandles");

    private final String displayName;
    private final String comp;

    HandleOperation(String displayName, String comp) {
        this.displayName = displayName;
        this.comp = comp;
    }

    /** The {@code comp} query parameter's value for this operation. */
    public String comp() {
        return comp;
    }

    /** The operation an encoded request URL addresses by its {@code comp} parameter (compared without case), if any. */
    public static Optional<HandleOperation> addressedBy(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(operation -> lower.contains("comp=" + operation.comp)).findFirst();
    }

    /** The specification's name, e.g. {@code List Handles}: variant names in reports are made of it. */
    @Override
    public String toString() {
        return displayName;
    }
}
