package io.handlestck.kit.client;

import io.restassured.response.Response;

/**
 * The typed view of a Force Close Handles answer: the counts and the continuation marker from its
 * headers. A header that is absent or not a number reads as null, so a case can tell "0" from "missing".
 *
 * @param marker {@code x-ms-marker}; null when absent (the close is complete)
 */
public record ForceCloseResult(int status, Long closed, Long failed, String marker, Response response) {

    public static ForceCloseResult of(Response response) {
        return new ForceCloseResult(response.getStatusCode(), number(response.getHeader("x-ms-number-of-handles-closed")),
                number(response.getHeader("x-ms-number-of-handles-failed")), response.getHeader("x-ms-marker"),
                response);
    }

    private static Long number(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
