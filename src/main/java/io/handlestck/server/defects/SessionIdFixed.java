package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/**
 * Lists every handle with one SessionId, whichever session opened it: an emulator that copied a
 * recorded listing's value instead of keeping one id per client session.
 */
final class SessionIdFixed implements Fault {

    private static final Pattern SESSION_ID = Pattern.compile("<SessionId>[0-9]+</SessionId>");
    private static final String RECORDED = "<SessionId>9913627845257595913</SessionId>";

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, SESSION_ID, match -> RECORDED));
    }
}
