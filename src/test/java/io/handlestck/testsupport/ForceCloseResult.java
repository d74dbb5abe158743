package io.handlestck.testsupport;

/**
 * The counts and continuation of one Force Close Handles call (or the sum over a marker loop, where
 * {@code calls} says how many calls it took). {@code failed} is null when the header was absent.
 */
public record ForceCloseResult(int closed, Integer failed, String marker, int calls) {
}
