package io.handlestck.kit.cases;

/**
 * The two ways a request does not ask for recursion: no {@code x-ms-recursive} header at all, or the
 * header set to {@code false}. A target must treat both alike. The names are the variants in reports.
 */
public enum NoRecursion {
    ABSENT("absent", null),
    FALSE("false", "false");

    private final String label;
    private final String header;

    NoRecursion(String label, String header) {
        this.label = label;
        this.header = header;
    }

    /** The {@code x-ms-recursive} value to send; null leaves the header out. */
    public String header() {
        return header;
    }

    @Override
    public String toString() {
        return label;
    }
}
