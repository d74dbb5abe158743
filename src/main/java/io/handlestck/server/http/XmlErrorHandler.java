package io.handlestck.server.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Replaces Jetty's HTML error pages: a request Jetty itself refuses (an illegal URI, a bad header)
 * still gets the service's XML error body, its 4xx status and the usual headers.
 */
public final class XmlErrorHandler extends ErrorHandler {

    private final ServiceHandler service;

    public XmlErrorHandler(ServiceHandler service) {
        this.service = service;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object message = request.getAttribute(ERROR_MESSAGE);
        String why = message == null ? "" : message.toString();
        ServiceError error = switch (status) {
            case 404 -> ServiceError.resourceNotFound();
            case 405 -> ServiceError.unsupportedHttpVerb(request.getMethod());
            case 413 -> new ServiceError(413, "RequestBodyTooLarge", "The request body is too large. " + why);
            case 414 -> ServiceError.invalidUri("The URI is too long.");
            case 431 -> new ServiceError(431, "InvalidHeaderValue", "The request headers are too large.");
            // An unknown protocol version (GET / HTTP/9.9) is the client's mistake, not the server's.
            case 505 -> new ServiceError(505, "UnsupportedHttpVersion", "The HTTP version of the request is not supported.");
            default -> status >= 400 && status < 500
                    ? new ServiceError(status, "InvalidInput", "One of the request inputs is not valid. " + why)
                    : new ServiceError(500, "InternalError", "Server encountered an internal error. Please try again after some time.");
        };
        service.writeJettyError(error, request, response, callback);
        return true;
    }
}
