package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Writes FileId and ParentId as {@code 0x}-prefixed hexadecimal, as SMB tools print them, instead of decimal. */
final class FileIdsHex implements Fault {

    private static final Pattern IDS = Pattern.compile("<(FileId|ParentId)>([0-9]+)</(?:FileId|ParentId)>");

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        ListingXml.edit(request, answer, xml -> ListingXml.replaceEach(xml, IDS, match -> "<" + match.group(1) + ">0x"
                + Long.toHexString(Long.parseUnsignedLong(match.group(2))) + "</" + match.group(1) + ">"));
    }
}
