package io.handlestck.server.xml;

import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.Node;
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
    /** How many characters of handles are gathered before they go to the body's writer. */
    private static final int CHUNK_CHARS = 8 * 1024;

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
     * The {@code <Path>} element of the last node written: a page lists a node's handles one after the
     * other (the index is ordered by path), so the element is checked and escaped once per node.
     */
    private static final class PathElements {
        private Node lastNode;
        private String lastElement;

        String of(Node node) {
            if (node != lastNode) {
                StringBuilder element = new StringBuilder(node.path().length() + 16);
                writePath(element, node.path());
                lastElement = element.toString();
                lastNode = node;
            }
            return lastElement;
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
                writeEntries(body.raw(), handles, fields);
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
     * The {@code <Handle>} elements, written straight into characters: the JDK's StAX writer spent most
     * of a large page's time keeping its element stack and namespace context, and then the body's
     * synchronized {@code Writer} took a lock for each of the forty-odd pieces of a handle (JFR of the
     * scale bench and of {@code serve} under wrk). So the handles go into an unsynchronized builder,
     * handed to the body a chunk at a time, and the ids are appended as digits without a string each.
     * The bytes are the ones StAX wrote: element text escapes {@code &}, {@code <} and {@code >}, and an
     * empty element is {@code <name />}.
     */
    private static void writeEntries(Writer out, List<Handle> handles, Fields fields) throws IOException {
        StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 2 * BYTES_PER_HANDLE);
        OpenTimes openTimes = new OpenTimes();
        PathElements paths = new PathElements();
        for (Handle handle : handles) {
            writeHandle(chunk, handle, fields, openTimes, paths);
            if (chunk.length() >= CHUNK_CHARS) {
                out.append(chunk);
                chunk.setLength(0);
            }
        }
        out.append(chunk);
    }

    private static void writeHandle(StringBuilder out, Handle handle, Fields fields, OpenTimes openTimes,
                                    PathElements paths) {
        out.append("<Handle>");
        unsignedElement(out, "HandleId", handle.id());
        out.append(paths.of(handle.node()));
        unsignedElement(out, "FileId", handle.node().fileId());
        unsignedElement(out, "ParentId", handle.node().parentId());
        unsignedElement(out, "SessionId", handle.sessionId());
        if (fields.accessRightList()) {
            out.append("<AccessRightList>");
            for (String right : handle.accessRights().names()) {
                element(out, "AccessRight", right);
            }
            out.append("</AccessRightList>");
        }
        element(out, "ClientIp", handle.clientIp());
        if (fields.clientName()) {
            element(out, "ClientName", XmlText.escapeInvalid(handle.clientName()));
        }
        element(out, "OpenTime", openTimes.format(handle.openTimeMillis()));
        out.append("</Handle>");
    }

    /** A Path XML cannot carry is percent-encoded and marked {@code Encoded="true"}, as the service does. */
    private static void writePath(StringBuilder out, String path) {
        if (!XmlText.isXmlSafe(path)) {
            out.append("<Path Encoded=\"true\">");
            escaped(out, XmlText.percentEncodePath(path));
            out.append("</Path>");
        } else {
            element(out, "Path", path);
        }
    }

    /** {@code <name>digits</name>}: {@code value} as the unsigned decimal {@link Long#toUnsignedString(long)} writes. */
    private static void unsignedElement(StringBuilder out, String name, long value) {
        out.append('<').append(name).append('>');
        if (value >= 0) {
            out.append(value);
        } else {
            long tens = (value >>> 1) / 5; // the unsigned value divided by ten
            out.append(tens).append(value - tens * 10);
        }
        out.append("</").append(name).append('>');
    }

    /** {@code <name>text</name>}, or {@code <name />} when the text is empty, as {@link XmlBodies.Body#element} writes it. */
    private static void element(StringBuilder out, String name, String text) {
        if (text == null || text.isEmpty()) {
            out.append('<').append(name).append(" />");
            return;
        }
        out.append('<').append(name).append('>');
        escaped(out, text);
        out.append("</").append(name).append('>');
    }

    private static void escaped(StringBuilder out, String text) {
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (entity != null) {
                out.append(text, plain, i);
                out.append(entity);
                plain = i + 1;
            }
        }
        out.append(text, plain, text.length());
    }
}
