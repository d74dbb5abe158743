package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import org.eclipse.jetty.http.HttpFields;

/** Wraps the listed handles in {@code <HandleList>}, as the documentation's sample does, instead of the {@code <Entries>} the service sends. */
final class HandleListElement implements Fault {

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> xml.replace("<Entries>", "<HandleList>").replace("</Entries>", "</HandleList>")
                .replace("<Entries />", "<HandleList />"));
    }
}
