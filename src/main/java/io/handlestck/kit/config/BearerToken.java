package io.handlestck.kit.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the bearer cases get their token: the {@code bearerToken} setting, or else the output of
 * {@code bearerTokenCommand} (for example {@code az account get-access-token --resource
 * https://storage.azure.com --query accessToken -o tsv}), run once through the system shell when
 * the configuration is resolved. Neither the token nor the command's output ever appears in a
 * message: a failing command is reported by its exit code and its first line on stderr.
 */
final class BearerToken {

    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private BearerToken() {
    }

    /** The token, or null when neither setting is given; a given token wins over a command. */
    static String resolve(KitConfig.Setting token, KitConfig.Setting command) {
        if (token != null && !token.value().isEmpty()) {
            if (token.value().chars().anyMatch(Character::isWhitespace)) {
                throw new KitConfigException("bearerToken (" + token.origin()
                        + ") must be the token alone, without 'Bearer ' or spaces");
            }
            return token.value();
        }
        if (command == null || command.value().isEmpty()) {
            return null;
        }
        return run(command);
    }

    private static String run(KitConfig.Setting command) {
        String where = "bearerTokenCommand (" + command.origin() + ")";
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> shell = windows ? List.of("cmd", "/c", command.value()) : List.of("sh", "-c", command.value());
        Process process;
        Path errors;
        try {
            // stderr goes to a file, so that a chatty command can never block on a full pipe while stdout is read
            errors = Files.createTempFile("handlestck-token-", ".err");
            process = new ProcessBuilder(shell).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new KitConfigException(where + " could not be started: " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new KitConfigException(where + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " seconds");
            }
            String printed = new String(output.join(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String firstError = Files.readAllLines(errors).stream()
                        .filter(line -> !line.isBlank()).findFirst().orElse("no message on stderr");
                throw new KitConfigException(where + " exited with " + process.exitValue() + ": " + firstError);
            }
            if (printed.isEmpty() || printed.chars().anyMatch(Character::isWhitespace)) {
                throw new KitConfigException(where + " must print exactly one token and nothing else"
                        + (printed.isEmpty() ? "; it printed nothing" : ""));
            }
            return printed;
        } catch (IOException e) {
            throw new KitConfigException(where + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new KitConfigException(where + " was interrupted");
        } finally {
            errors.toFile().delete();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
