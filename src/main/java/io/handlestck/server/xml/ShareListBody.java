package io.handlestck.server.xml;

import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Share;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The List Shares body: {@code <EnumerationResults><Prefix/>…<Shares><Share><Name>…</Name><Properties>…}. */
public final class ShareListBody {

    private ShareListBody() {
    }

    public static byte[] write(String account, String prefix, String marker, String maxResults, List<Share> shares,
                               String nextMarker) {
        try {
            XmlBodies.Body body = XmlBodies.start(256 + 200 * shares.size());
            XMLStreamWriter xml = body.xml();
            xml.writeStartElement("EnumerationResults");
            xml.writeAttribute("ServiceEndpoint", "/" + account);
            if (prefix != null) {
                body.element("Prefix", XmlText.escapeInvalid(prefix));
            }
            if (marker != null) {
                body.element("Marker", XmlText.escapeInvalid(marker));
            }
            if (maxResults != null) {
                body.element("MaxResults", maxResults);
            }
            xml.writeStartElement("Shares");
            for (Share share : shares) {
                xml.writeStartElement("Share");
                body.element("Name", share.name());
                xml.writeStartElement("Properties");
                body.element("Last-Modified", WireFormats.rfc1123(share.created()));
                body.element("Etag", share.etag());
                body.element("Quota", "5120");
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            body.element("NextMarker", nextMarker);
            xml.writeEndElement();
            return body.finish();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("cannot write a List Shares body", e));
        }
    }
}
