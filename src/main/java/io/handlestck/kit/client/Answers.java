package io.handlestck.kit.client;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the kit names an answer in a message: its status and its error code, or that it had none. A
 * target that sends no code (a plain web server, an emulator of another service) is told so in words,
 * never as {@code 400 null}.
 */
public final class Answers {

    /** What stands where an error code would be when the target sent none. */
    public static final String NO_ERROR_CODE = "without an error code";

    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,200})</Code>");

    private Answers() {
    }

    /** {@code 400 InvalidQueryParameterValue}, {@code 501 without an error code}; a success is its status alone. */
    public static String statusAndCode(Response response) {
        if (response.getStatusCode() < 400) {
            return Integer.toString(response.getStatusCode());
        }
        String code = errorCode(response);
        return response.getStatusCode() + " " + (code == null ? NO_ERROR_CODE : code);
    }

    /** The error code of an answer: {@code x-ms-error-code}, else the XML body's {@code <Code>}, else null. */
    public static String errorCode(Response response) {
        String header = response.getHeader("x-ms-error-code");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        Matcher matcher = XML_CODE.matcher(response.asString());
        return matcher.find() ? matcher.group(1).trim() : null;
    }
}
