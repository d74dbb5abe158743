package io.handlestck.server.xml;

import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Handle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
                Writer out = body.raw();
                for (Handle handle : handles) {
                    writeHandle(out, handle, fields, openTimes);
                }
                xml.writeEndElement();
            }
            body.element("NextMarker", nextMarker);
            xml.writeEndElement();
            return body.finish();
        } catch (XMLStreamException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot write a List Handles body", e));
        }
    }

    /**
     * One {@code <Handle>}, written straight into the body's characters: the JDK's StAX writer spent
     * most of a large page's time keeping its element stack and namespace context (JFR of the scale
     * bench and of {@code serve} under wrk). The bytes are the ones StAX wrote: element text escapes
     * {@code &}, {@code <} and {@code >}, and an empty element is {@code <name />}.
     */
    private static void writeHandle(Writer out, Handle handle, Fields fields, OpenTimes openTimes) throws IOException {
        out.write("<Handle>");
        element(out, "HandleId", Long.toUnsignedString(handle.id()));
        writePath(out, handle.node().path());
        element(out, "FileId", Long.toUnsignedString(handle.node().fileId()));
        element(out, "ParentId", Long.toUnsignedString(handle.node().parentId()));
        element(out, "SessionId", Long.toUnsignedString(handle.sessionId()));
        if (fields.accessRightList()) {
            out.write("<AccessRightList>");
            for (String right : handle.accessRights().names()) {
                element(out, "AccessRight", right);
            }
            out.write("</AccessRightList>");
        }
        element(out, "ClientIp", handle.clientIp());
        if (fields.clientName()) {
            element(out, "ClientName", XmlText.escapeInvalid(handle.clientName()));
        }
        element(out, "OpenTime", openTimes.format(handle.openTimeMillis()));
        out.write("</Handle>");
    }

    /** A Path XML cannot carry is percent-encoded and marked {@code Encoded="true"}, as the service does. */
    private static void writePath(Writer out, String path) throws IOException {
        if (!XmlText.isXmlSafe(path)) {
            out.write("<Path Encoded=\"true\">");
            escaped(out, XmlText.percentEncodePath(path));
            out.write("</Path>");
        } else {
            element(out, "Path", path);
        }
    }

    /** {@code <name>text</name>}, or {@code <name />} when the text is empty, as {@link XmlBodies.Body#element} writes it. */
    private static void element(Writer out, String name, String text) throws IOException {
        if (text == null || text.isEmpty()) {
            out.write('<');
            out.write(name);
            out.write(" />");
            return;
        }
        out.write('<');
        out.write(name);
        out.write('>');
        escaped(out, text);
        out.write("</");
        out.write(name);
        out.write('>');
    }

    private static void escaped(Writer out, String text) throws IOException {
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (entity != null) {
                out.write(text, plain, i - plain);
                out.write(entity);
                plain = i + 1;
            }
        }
        out.write(text, plain, text.length() - plain);
    }
}
