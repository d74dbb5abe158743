package io.handlestck.kit;

/**
 * Thrown when the kit cannot make what a case needs before it can judge the target (open a handle,
 * take a snapshot...). The case reports {@link io.handlestck.kit.result.Status#COULD_NOT_TEST},
 * never PASS: an untestable behaviour is not a conforming one.
 */
public final class PreconditionNotMet extends RuntimeException {
    public PreconditionNotMet(String why) {
        super(why);
    }

    public PreconditionNotMet(String why, Throwable cause) {
        super(why, cause);
    }
}
