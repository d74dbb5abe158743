package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Writes {@code ClientIp} before {@code SessionId} inside each listed {@code <Handle>}. */
final class HandleElementOrder implements Fault {

    private static final Pattern SESSION_TO_CLIENT_IP =
            Pattern.compile("(?s)(<SessionId>[^<]*</SessionId>)(.*?)(<ClientIp>[^<]*</ClientIp>|<ClientIp />)");

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, SESSION_TO_CLIENT_IP,
                match -> match.group(3) + match.group(1) + match.group(2)));
    }
}
