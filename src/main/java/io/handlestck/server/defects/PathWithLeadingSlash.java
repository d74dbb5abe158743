package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Writes each handle's {@code Path} with a leading {@code /} instead of relative to the share root. */
final class PathWithLeadingSlash implements Fault {

    private static final Pattern PATH = Pattern.compile("<Path( Encoded=\"true\")?>|<Path />");

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, PATH, match -> match.group().equals("<Path />")
                ? "<Path>/</Path>"
                : match.group() + "/"));
    }
}
