package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Writes each handle's own FileId as its ParentId instead of the parent directory's. */
final class ParentIdIsFileId implements Fault {

    private static final Pattern IDS = Pattern.compile("<FileId>([0-9]+)</FileId><ParentId>[0-9]+</ParentId>");

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, IDS,
                match -> "<FileId>" + match.group(1) + "</FileId><ParentId>" + match.group(1) + "</ParentId>"));
    }
}
