package io.handlestck.cli;

/** Bad usage or configuration found after parsing: reported as one line and exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
