package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.http.WireFormats;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Writes each handle's {@code OpenTime} in ISO-8601 instead of RFC 1123. */
final class OpenTimeIso8601 implements Fault {

    private static final Pattern OPEN_TIME = Pattern.compile("<OpenTime>([^<]*)</OpenTime>");

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, OPEN_TIME, match -> "<OpenTime>"
                + WireFormats.parseRfc1123(match.group(1)).map(WireFormats::iso7).orElse(match.group(1)) + "</OpenTime>"));
    }
}
