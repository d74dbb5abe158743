package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Writes each handle's {@code ClientIp} without its port: the address alone, not the opener's ip:port. */
final class ClientIpWithoutPort implements Fault {

    private static final Pattern CLIENT_IP_PORT = Pattern.compile("<ClientIp>([^<]*):[0-9]+</ClientIp>");

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, CLIENT_IP_PORT,
                match -> "<ClientIp>" + match.group(1) + "</ClientIp>"));
    }
}
