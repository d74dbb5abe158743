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
     * How to write the body: what the request's version allows, and the deviations a defect asks for.
     *
     * @param accessRightList        write AccessRightList (x-ms-version from 2023-01-03)
     * @param clientName             write ClientName (from 2024-02-04)
     * @param entriesElement         {@code Entries}, as the service sends (the documentation sample says HandleList)
     * @param emptyNextMarker        write {@code <NextMarker/>} when the listing is complete
     * @param clientIpBeforeSession  write ClientIp before SessionId
     * @param openTimeIso            write OpenTime as ISO-8601 instead of RFC 1123
     * @param leadingSlash           prefix Path with {@code /}
     * @param encodeInvalidPaths     percent-encode a Path that XML cannot carry and mark it {@code Encoded="true"}
     */
    public record Style(boolean bom, boolean accessRightList, boolean clientName, String entriesElement,
                        boolean emptyNextMarker, boolean clientIpBeforeSession, boolean openTimeIso,
                        boolean leadingSlash, boolean encodeInvalidPaths) {
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
        private final boolean iso;
        private long lastMillis = Long.MIN_VALUE;
        private String lastText;

        OpenTimes(boolean iso) {
            this.iso = iso;
        }

        String format(long millis) {
            if (millis != lastMillis) {
                Instant opened = Instant.ofEpochMilli(millis);
                lastText = iso ? WireFormats.iso7(opened) : WireFormats.rfc1123(opened);
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
    public static byte[] write(String marker, String maxResults, List<Handle> handles, String nextMarker, Style style) {
        try {
            XmlBodies.Body body = XmlBodies.start(style.bom(), 256 + BYTES_PER_HANDLE * handles.size());
            OpenTimes openTimes = new OpenTimes(style.openTimeIso());
            XMLStreamWriter xml = body.xml();
            xml.writeStartElement("EnumerationResults");
            if (marker != null) {
                body.element("Marker", XmlText.escapeInvalid(marker));
            }
            if (maxResults != null) {
                body.element("MaxResults", maxResults);
            }
            if (handles.isEmpty()) {
                body.empty(style.entriesElement());
            } else {
                xml.writeStartElement(style.entriesElement());
                for (Handle handle : handles) {
                    writeHandle(body, handle, style, openTimes);
                }
                xml.writeEndElement();
            }
            if (!nextMarker.isEmpty() || style.emptyNextMarker()) {
                body.element("NextMarker", nextMarker);
            }
            xml.writeEndElement();
            return body.finish();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("cannot write a List Handles body", e));
        }
    }

    private static void writeHandle(XmlBodies.Body body, Handle handle, Style style, OpenTimes openTimes)
            throws XMLStreamException {
        XMLStreamWriter xml = body.xml();
        xml.writeStartElement("Handle");
        body.element("HandleId", Long.toUnsignedString(handle.id()));
        writePath(body, handle.node().path(), style);
        body.element("FileId", Long.toUnsignedString(handle.node().fileId()));
        body.element("ParentId", Long.toUnsignedString(handle.node().parentId()));
        if (style.clientIpBeforeSession()) {
            body.element("ClientIp", handle.clientIp());
        }
        body.element("SessionId", Long.toUnsignedString(handle.sessionId()));
        if (style.accessRightList()) {
            xml.writeStartElement("AccessRightList");
            for (String right : handle.accessRights().names()) {
                body.element("AccessRight", right);
            }
            xml.writeEndElement();
        }
        if (!style.clientIpBeforeSession()) {
            body.element("ClientIp", handle.clientIp());
        }
        if (style.clientName()) {
            body.element("ClientName", XmlText.escapeInvalid(handle.clientName()));
        }
        body.element("OpenTime", openTimes.format(handle.openTimeMillis()));
        xml.writeEndElement();
    }

    private static void writePath(XmlBodies.Body body, String path, Style style) throws XMLStreamException {
        XMLStreamWriter xml = body.xml();
        String shown = style.leadingSlash() ? "/" + path : path;
        if (style.encodeInvalidPaths() && !XmlText.isXmlSafe(shown)) {
            xml.writeStartElement("Path");
            xml.writeAttribute("Encoded", "true");
            xml.writeCharacters(XmlText.percentEncodePath(shown));
            xml.writeEndElement();
        } else {
            body.element("Path", shown);
        }
    }
}
