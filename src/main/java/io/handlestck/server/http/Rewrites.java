package io.handlestck.server.http;

import io.handlestck.server.ServerContext;
import org.eclipse.jetty.http.HttpFields;

/**
 * The three places of the HTTP exchange where the answer can be changed without the operations
 * knowing: the authenticated request before it is checked and routed, a refusal before it is
 * written, and the whole answer (every header included) as it leaves. The reference server's
 * deliberate defects act here; each method's default is the service's own behaviour: no change.
 */
public interface Rewrites {

    /** The request as the checks and the operation will see it (after authentication, so signed parts may change). */
    default ServiceRequest request(ServerContext context, ServiceRequest request) {
        return request;
    }

    /**
     * The refusal to answer.
     *
     * @param request the request as parsed, before {@link #request}; null when it could not be parsed
     */
    default ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        return error;
    }

    /**
     * The answer about to be written, with the headers every answer carries already in {@link Reply#headers()}.
     *
     * @param request        the request as parsed, before {@link #request}; null when it could not be parsed
     * @param requestHeaders the headers as received
     */
    default void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
    }
}
