package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Lists Read, Write and Delete in every {@code AccessRightList}, whatever the handle was opened with. */
final class AccessRightsAll implements Fault {

    private static final Pattern RIGHTS = Pattern.compile("<AccessRightList>.*?</AccessRightList>|<AccessRightList />");
    private static final String ALL = "<AccessRightList><AccessRight>Read</AccessRight><AccessRight>Write</AccessRight>"
            + "<AccessRight>Delete</AccessRight></AccessRightList>";

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, RIGHTS, match -> ALL));
    }
}
