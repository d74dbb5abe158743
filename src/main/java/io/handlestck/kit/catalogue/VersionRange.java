package io.handlestck.kit.catalogue;

/**
 * The x-ms-version range a case applies to, both ends inclusive and optional. Versions are ISO dates
 * ({@code 2019-07-07}), so comparing the strings compares the dates.
 */
public record VersionRange(String min, String max) {

    public static final VersionRange ANY = new VersionRange(null, null);

    public boolean contains(String version) {
        return (min == null || version.compareTo(min) >= 0) && (max == null || version.compareTo(max) <= 0);
    }

    @Override
    public String toString() {
        return (min == null ? "any" : min) + " .. " + (max == null ? "latest" : max);
    }
}
