package io.handlestck.server.xml;

import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Handle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The List Handles body as the real service writes it (reference §4.2):
 * {@code <EnumerationResults>[<Marker>][<MaxResults>]<Entries><Handle>…</Handle></Entries><NextMarker/></EnumerationResults>},
 * each {@code Handle} with HandleId, Path, FileId, ParentId, SessionId, [AccessRightList], ClientIp,
 * [ClientName], OpenTime in that order.
 */
public final class HandleListBody {

    /**
     * The version-gated fields a listed handle carries.
     *
     * @param accessRightList write AccessRightList (x-ms-version from 2023-01-03)
     * @param clientName      write ClientName (from 2024-02-04)
     */
    public record Fields(boolean accessRightList, boolean clientName) {
    }

    /** About what one {@code <Handle>} with every field takes, to size the buffer of a page up front. */
    private static final int BYTES_PER_HANDLE = 420;

    private HandleListBody() {
    }

    /**
     * Formats open times, remembering the last one: handles opened together share their open time
     * and sit next to each other in a page, so most handles reuse the previous string.
     */
    private static final class OpenTimes {
        private long lastMillis = Long.MIN_VALUE;
        private String lastText;

        String format(long millis) {
            if (millis != lastMillis) {
                lastText = WireFormats.rfc1123(Instant.ofEpochMilli(millis));
                lastMillis = millis;
            }
            return lastText;
        }
    }

    /**
     * @param marker     the request's marker, echoed when not null
     * @param maxResults the request's maxresults, echoed when not null
     * @param nextMarker the next page's marker, empty when the listing is complete
     */
    public static byte[] write(String marker, String maxResults, List<Handle> handles, String nextMarker, Fields fields) {
        try {
            XmlBodies.Body body = XmlBodies.start(256 + BYTES_PER_HANDLE * handles.size());
            OpenTimes openTimes = new OpenTimes();
            XMLStreamWriter xml = body.xml();
            xml.writeStartElement("EnumerationResults");
            if (marker != null) {
                body.element("Marker", XmlText.escapeInvalid(marker));
            }
            if (maxResults != null) {
                body.element("MaxResults", maxResults);
            }
            if (handles.isEmpty()) {
                body.empty("Entries");
            } else {
                xml.writeStartElement("Entries");
                for (Handle handle : handles) {
                    writeHandle(body, handle, fields, openTimes);
                }
                xml.writeEndElement();
            }
            body.element("NextMarker", nextMarker);
            xml.writeEndElement();
            return body.finish();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("cannot write a List Handles body", e));
        }
    }

    private static void writeHandle(XmlBodies.Body body, Handle handle, Fields fields, OpenTimes openTimes)
            throws XMLStreamException {
        XMLStreamWriter xml = body.xml();
        xml.writeStartElement("Handle");
        body.element("HandleId", Long.toUnsignedString(handle.id()));
        writePath(body, handle.node().path());
        body.element("FileId", Long.toUnsignedString(handle.node().fileId()));
        body.element("ParentId", Long.toUnsignedString(handle.node().parentId()));
        body.element("SessionId", Long.toUnsignedString(handle.sessionId()));
        if (fields.accessRightList()) {
            xml.writeStartElement("AccessRightList");
            for (String right : handle.accessRights().names()) {
                body.element("AccessRight", right);
            }
            xml.writeEndElement();
        }
        body.element("ClientIp", handle.clientIp());
        if (fields.clientName()) {
            body.element("ClientName", XmlText.escapeInvalid(handle.clientName()));
        }
        body.element("OpenTime", openTimes.format(handle.openTimeMillis()));
        xml.writeEndElement();
    }

    /** A Path XML cannot carry is percent-encoded and marked {@code Encoded="true"}, as the service does. */
    private static void writePath(XmlBodies.Body body, String path) throws XMLStreamException {
        XMLStreamWriter xml = body.xml();
        if (!XmlText.isXmlSafe(path)) {
            xml.writeStartElement("Path");
            xml.writeAttribute("Encoded", "true");
            xml.writeCharacters(XmlText.percentEncodePath(path));
            xml.writeEndElement();
        } else {
            body.element("Path", path);
        }
    }
}
