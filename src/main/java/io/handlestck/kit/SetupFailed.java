package io.handlestck.kit;

/**
 * A request the kit needed in order to set a case up (create a share, a directory, a file, a
 * snapshot) did not succeed. The case reports {@link io.handlestck.kit.result.Status#ERROR}: the
 * verdict is about the operation under test, and setup never got there.
 */
public final class SetupFailed extends RuntimeException {
    public SetupFailed(String message) {
        super(message);
    }
}
