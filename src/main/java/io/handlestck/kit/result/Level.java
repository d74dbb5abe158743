package io.handlestck.kit.result;

/** How strongly a case binds a target; decides whether a failed assertion is a FAIL or a WARN. */
public enum Level {
    /** The specification says so. A failure is {@link Status#FAIL}. */
    REQUIRED,
    /** The real service does it (exact error codes, element order, BOM). A failure is {@link Status#WARN}. */
    RECOMMENDED,
    /** A feature a target may lack. Its absence is {@link Status#NOT_IMPLEMENTED}; a wrong answer is still a FAIL. */
    OPTIONAL
}
