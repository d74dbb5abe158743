package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/**
 * Answers a bearer-authorized List Handles with no handles, as a server would that lists only the
 * handles the token's principal opened (SMB clients log on as the account, never as that principal).
 */
final class BearerListingEmpty implements Fault {

    private static final Pattern ENTRIES = Pattern.compile("<Entries>.*</Entries>", Pattern.DOTALL);

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        if (Exchanges.bearerAuthorized(request)) {
            ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, ENTRIES, match -> "<Entries />"));
        }
    }
}
