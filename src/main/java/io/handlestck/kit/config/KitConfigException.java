package io.handlestck.kit.config;

/**
 * The kit's configuration cannot be used. The message is one sentence that names the setting, where
 * it came from and what is wrong, because the CLI prints it as its only output line (exit code 2).
 */
public final class KitConfigException extends RuntimeException {
    public KitConfigException(String message) {
        super(message);
    }
}
