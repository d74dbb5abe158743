package io.handlestck.server.xml;

import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.Node;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

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
    /** How many characters of a page are gathered before they are encoded into the body. */
    private static final int CHUNK_CHARS = 8 * 1024;

    private HandleListBody() {
    }

    /**
     * The markup a handle shares with the one before it. A page is ordered by path, so a node's handles
     * come one after the other, and handles opened together share their session, rights, client and
     * open time: each piece is formatted, escaped and turned into digits once per run of neighbours,
     * not once per handle (the digits and the escaping scan were most of a page's time).
     */
    private static final class SharedMarkup {
        private final Fields fields;
        private Node lastNode;
        private String nodeMarkup;
        private Handle lastOpener;
        private String openerMarkup;

        SharedMarkup(Fields fields) {
            this.fields = fields;
        }

        /** Path, FileId and ParentId. */
        String node(Node node) {
            if (node != lastNode) {
                StringBuilder out = new StringBuilder(node.path().length() + 80);
                writePath(out, node.path());
                unsignedElement(out, "FileId", node.fileId());
                unsignedElement(out, "ParentId", node.parentId());
                nodeMarkup = out.toString();
                lastNode = node;
            }
            return nodeMarkup;
        }

        /** SessionId, AccessRightList, ClientIp, ClientName and OpenTime: who opened the handle, and when. */
        String opener(Handle handle) {
            if (lastOpener == null || !sameOpener(handle, lastOpener)) {
                StringBuilder out = new StringBuilder(256);
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
                element(out, "OpenTime", WireFormats.rfc1123(Instant.ofEpochMilli(handle.openTimeMillis())));
                openerMarkup = out.toString();
                lastOpener = handle;
            }
            return openerMarkup;
        }

        private static boolean sameOpener(Handle a, Handle b) {
            return a.sessionId() == b.sessionId() && a.openTimeMillis() == b.openTimeMillis()
                    && a.accessRights().equals(b.accessRights()) && a.clientIp().equals(b.clientIp())
                    && a.clientName().equals(b.clientName());
        }
    }

    /**
     * The whole body written straight into characters, the envelope as well as the handles: the JDK's
     * StAX writer spent most of a large page's time keeping its element stack and namespace context,
     * and setting up its writers (encoder, buffers) was a fifth of a ten-handle answer's time in the
     * profile of {@code serve} under wrk. The ids are appended as digits without a string each. The
     * bytes are the ones StAX wrote: element text escapes {@code &}, {@code <} and {@code >}, and an
     * empty element is {@code <name />} (XmlBodiesTest and the recordings keep them equal).
     *
     * @param marker     the request's marker, echoed when not null
     * @param maxResults the request's maxresults, echoed when not null
     * @param nextMarker the next page's marker, empty when the listing is complete
     */
    public static byte[] write(String marker, String maxResults, List<Handle> handles, String nextMarker, Fields fields) {
        ByteArrayOutputStream body = XmlBodies.startBytes(256 + BYTES_PER_HANDLE * handles.size());
        StringBuilder out = new StringBuilder(CHUNK_CHARS + 2 * BYTES_PER_HANDLE);
        out.append(XmlBodies.DECLARATION).append("<EnumerationResults>");
        if (marker != null) {
            element(out, "Marker", XmlText.escapeInvalid(marker));
        }
        if (maxResults != null) {
            element(out, "MaxResults", maxResults);
        }
        if (handles.isEmpty()) {
            out.append("<Entries />");
        } else {
            out.append("<Entries>");
            SharedMarkup shared = new SharedMarkup(fields);
            for (Handle handle : handles) {
                out.append("<Handle>");
                unsignedElement(out, "HandleId", handle.id());
                out.append(shared.node(handle.node())).append(shared.opener(handle)).append("</Handle>");
                if (out.length() >= CHUNK_CHARS) {
                    encode(out, body);
                }
            }
            out.append("</Entries>");
        }
        element(out, "NextMarker", nextMarker);
        out.append("</EnumerationResults>");
        encode(out, body);
        return body.toByteArray();
    }

    /**
     * Moves the characters gathered so far into the body as UTF-8. A page goes a chunk at a time: the
     * text of a whole 5,000-entry page would be copied twice more (into a String, then into its UTF-8
     * bytes), each copy a 2 MB array that G1 allocates outside the young generation.
     */
    private static void encode(StringBuilder chunk, ByteArrayOutputStream body) {
        body.writeBytes(chunk.toString().getBytes(StandardCharsets.UTF_8));
        chunk.setLength(0);
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

    /** {@code <name>text</name>}, or {@code <name />} when the text is empty, as {@link XmlBodies.Body#element} writes it with StAX. */
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
