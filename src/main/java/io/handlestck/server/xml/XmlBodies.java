package io.handlestck.server.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Starts and finishes the XML bodies the service sends: a UTF-8 byte order mark (the real service
 * prefixes every XML body with one), the {@code utf-8} declaration, no pretty-printing.
 */
final class XmlBodies {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** One body being written: the StAX writer and the bytes it writes into. */
    record Body(ByteArrayOutputStream bytes, XMLStreamWriter xml) {

        byte[] finish() throws XMLStreamException {
            xml.writeEndDocument();
            xml.close();
            return bytes.toByteArray();
        }

        /** {@code <name>text</name>}, or {@code <name />} when the text is empty. */
        void element(String name, String text) throws XMLStreamException {
            if (text == null || text.isEmpty()) {
                empty(name);
            } else {
                xml.writeStartElement(name);
                xml.writeCharacters(text);
                xml.writeEndElement();
            }
        }

        /**
         * {@code <name />} with the space, byte for byte as the service writes empty elements
         * ({@code <Entries />}, {@code <NextMarker />}); StAX itself would write {@code <name/>}.
         * Writing no characters closes any pending start tag, so the raw bytes land in place.
         */
        void empty(String name) throws XMLStreamException {
            xml.writeCharacters("");
            xml.flush();
            bytes.writeBytes(("<" + name + " />").getBytes(StandardCharsets.UTF_8));
        }
    }

    private XmlBodies() {
    }

    static Body start(boolean withBom) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        if (withBom) {
            bytes.writeBytes(BOM);
        }
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
        xml.writeStartDocument("utf-8", "1.0");
        return new Body(bytes, xml);
    }
}
