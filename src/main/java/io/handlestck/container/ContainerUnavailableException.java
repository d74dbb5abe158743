package io.handlestck.container;

/**
 * The reference server container could not be started; the message is one line that says why and
 * what to do, for the command line to print as it is.
 */
public final class ContainerUnavailableException extends RuntimeException {

    public ContainerUnavailableException(String message) {
        super(message);
    }

    public ContainerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
