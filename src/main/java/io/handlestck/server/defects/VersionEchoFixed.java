package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ApiVersions;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Answers every request with the server's newest {@code x-ms-version}, whatever it asked for. */
final class VersionEchoFixed implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        answer.header("x-ms-version", ApiVersions.NEWEST);
    }
}
