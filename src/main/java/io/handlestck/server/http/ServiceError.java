package io.handlestck.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the service answers with an XML error body: HTTP status, Azure error code, the human
 * message, and the detail elements the real service adds after {@code <Message>} (in order).
 * Thrown anywhere below the HTTP layer; {@link ServiceHandler} turns it into the response.
 */
public final class ServiceError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> details;
    private final Map<String, String> replyHeaders = new LinkedHashMap<>();

    public ServiceError(int status, String code, String message, Map<String, String> details) {
        super(message, null, false, false); // an expected answer, not a crash: no stack trace to fill
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public ServiceError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Detail elements in wire order, e.g. HeaderName then HeaderValue. */
    public Map<String, String> details() {
        return details;
    }

    /** Response headers this refusal adds, such as the {@code WWW-Authenticate} challenge of a 401. */
    public Map<String, String> replyHeaders() {
        return replyHeaders;
    }

    public ServiceError withReplyHeader(String name, String value) {
        replyHeaders.put(name, value);
        return this;
    }

    public static ServiceError invalidHeaderValue(String name, String value) {
        return new ServiceError(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.",
                ordered("HeaderName", name, "HeaderValue", value));
    }

    public static ServiceError missingRequiredHeader(String name) {
        return new ServiceError(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is not specified.",
                ordered("HeaderName", name));
    }

    public static ServiceError unsupportedHeader(String name, String value) {
        return new ServiceError(400, "UnsupportedHeader", "One of the HTTP headers specified in the request is not supported.",
                ordered("HeaderName", name, "HeaderValue", value));
    }

    public static ServiceError invalidQueryParameterValue(String name, String value, String reason) {
        return new ServiceError(400, "InvalidQueryParameterValue",
                "Value for one of the query parameters specified in the request URI is invalid.",
                ordered("QueryParameterName", name, "QueryParameterValue", value, "Reason", reason));
    }

    public static ServiceError outOfRangeQueryParameterValue(String name, String value, long minimum, long maximum) {
        return new ServiceError(400, "OutOfRangeQueryParameterValue",
                "One of the query parameters specified in the request URI is outside the permissible range.",
                ordered("QueryParameterName", name, "QueryParameterValue", value,
                        "MinimumAllowed", Long.toString(minimum), "MaximumAllowed", Long.toString(maximum)));
    }

    public static ServiceError invalidInput(String message) {
        return new ServiceError(400, "InvalidInput", "One of the request inputs is not valid. " + message);
    }

    public static ServiceError invalidUri(String why) {
        return new ServiceError(400, "InvalidUri", "The requested URI does not represent any resource on the server. " + why);
    }

    public static ServiceError invalidResourceName() {
        return new ServiceError(400, "InvalidResourceName", "The specifed resource name contains invalid characters.");
    }

    public static ServiceError resourceNotFound() {
        return new ServiceError(404, "ResourceNotFound", "The specified resource does not exist.");
    }

    public static ServiceError parentNotFound() {
        return new ServiceError(404, "ParentNotFound", "The specified parent path does not exist.");
    }

    public static ServiceError shareNotFound() {
        return new ServiceError(404, "ShareNotFound", "The specified share does not exist.");
    }

    public static ServiceError resourceAlreadyExists() {
        return new ServiceError(409, "ResourceAlreadyExists", "The specified resource already exists.");
    }

    public static ServiceError sharingViolation() {
        return new ServiceError(409, "SharingViolation", "The specified resource is open in an SMB client: close its handles first.");
    }

    public static ServiceError snapshotOperationNotSupported() {
        return new ServiceError(400, "ShareSnapshotOperationNotSupported", "The operation is not supported on a share snapshot.");
    }

    public static ServiceError authenticationFailed(String detail) {
        return new ServiceError(403, "AuthenticationFailed",
                "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.",
                ordered("AuthenticationErrorDetail", detail));
    }

    public static ServiceError unsupportedHttpVerb(String method) {
        return new ServiceError(405, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb " + method + ".");
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            details.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return details;
    }
}
