package io.handlestck.kit.result;

/**
 * The verdict of one case on one target. JUnit's four outcomes are too few to say why a case did not
 * pass, so the kit carries this status in report entries and maps it into JUnit conservatively:
 * never a successful JUnit test for anything but {@link #PASS}.
 */
public enum Status {
    /** The target behaved as the case requires. */
    PASS,
    /** A required case failed. */
    FAIL,
    /** A recommended case failed: the target differs from the real service, not from the document. */
    WARN,
    /** An optional feature is absent on the target. */
    NOT_IMPLEMENTED,
    /** A precondition could not be made on this target (for example no way to open handles). */
    COULD_NOT_TEST,
    /** The case is outside the x-ms-version range under test. */
    NOT_APPLICABLE,
    /** Switched off by configuration. */
    DISABLED,
    /** The kit or the target broke while setting the case up; says nothing about conformance. */
    ERROR
}
