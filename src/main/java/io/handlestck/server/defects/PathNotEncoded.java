package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Writes a {@code Path} that XML cannot carry raw, without percent-encoding and {@code Encoded="true"}. */
final class PathNotEncoded implements Fault {

    private static final Pattern ENCODED_PATH = Pattern.compile("<Path Encoded=\"true\">([^<]*)</Path>");

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, ENCODED_PATH, match -> "<Path>"
                + URLDecoder.decode(match.group(1), StandardCharsets.UTF_8)
                        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</Path>"));
    }
}
