package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.http.WireFormats;
import java.time.Instant;
import org.eclipse.jetty.http.HttpFields;

/** Writes the {@code Date} header in ISO-8601 instead of RFC 1123. */
final class DateIso8601 implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        answer.header("Date", WireFormats.iso7(Instant.now()));
    }
}
