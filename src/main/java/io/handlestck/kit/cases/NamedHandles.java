package io.handlestck.kit.cases;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the handles a case opened its Force Close names in {@code x-ms-handle-id}: every handle
 * ({@code *}) or the first one by its id. The names are what reports show as the variant.
 */
public enum NamedHandles {
    EVERY_HANDLE("*"),
    ONE_HANDLE("one handle id");

    private final String label;

    NamedHandles(String label) {
        this.label = label;
    }

    /** The {@code x-ms-handle-id} value naming these among {@code opened}. */
    public String handleId(List<String> opened) {
        return this == EVERY_HANDLE ? "*" : opened.get(0);
    }

    /** The handles of {@code opened} a correct Force Close of these leaves open. */
    public Set<String> leftOpen(List<String> opened) {
        Set<String> left = new TreeSet<>(opened);
        if (this == EVERY_HANDLE) {
            left.clear();
        } else {
            left.remove(opened.get(0));
        }
        return left;
    }

    @Override
    public String toString() {
        return label;
    }
}
