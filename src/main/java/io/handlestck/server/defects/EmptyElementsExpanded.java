package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/**
 * Writes the listing's empty elements as a start and an end tag ({@code <Entries></Entries>}) where
 * the service writes {@code <Entries />}, as a stock XML writer does: the same document, other bytes.
 */
final class EmptyElementsExpanded implements Fault {

    private static final Pattern EMPTY_ELEMENT = Pattern.compile("<([A-Za-z]+) />");

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, EMPTY_ELEMENT,
                element -> "<" + element.group(1) + "></" + element.group(1) + ">"));
    }
}
