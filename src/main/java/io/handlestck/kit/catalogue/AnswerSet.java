package io.handlestck.kit.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The names of the answer sets an entry may declare under {@code allowed:} in {@code suites/*.yaml},
 * each judged by one assertion of the cases. A name the kit does not know fails when the catalogue is
 * loaded, because no case would ever read it.
 */
public enum AnswerSet {
    /** HTTP status codes, e.g. {@code ["401", "403"]}. */
    STATUS("status"),
    /** {@code x-ms-error-code} values, e.g. {@code ["UnsupportedHeader", "InvalidHeaderValue"]}. */
    ERROR_CODE("errorCode"),
    /** The HTTP status of an operation refused because a handle blocks it, e.g. {@code ["409"]}. */
    BLOCKED_STATUS("blockedStatus"),
    /** NT statuses, in hex, that tell an SMB client its handle no longer exists, e.g. {@code ["0xC0000128"]}. */
    GONE_STATUS("goneStatus");

    private final String catalogueName;

    AnswerSet(String catalogueName) {
        this.catalogueName = catalogueName;
    }

    /** The key written in the catalogue. */
    public String catalogueName() {
        return catalogueName;
    }

    public static Optional<AnswerSet> named(String catalogueName) {
        return Arrays.stream(values()).filter(set -> set.catalogueName.equals(catalogueName)).findFirst();
    }

    @Override
    public String toString() {
        return catalogueName;
    }
}
