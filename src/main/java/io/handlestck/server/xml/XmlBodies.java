package io.handlestck.server.xml;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
    /** The declaration {@link #start} has StAX write, for a body written by hand. */
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** One body being written: the StAX writer, the character stream under it and the bytes they fill. */
    record Body(ByteArrayOutputStream bytes, Writer text, XMLStreamWriter xml) {

        byte[] finish() throws XMLStreamException {
            xml.writeEndDocument();
            xml.close();
            try {
                text.flush();
            } catch (IOException e) {
                throw new XMLStreamException("cannot flush an in-memory body", e);
            }
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
            try {
                raw().write("<" + name + " />");
            } catch (IOException e) {
                throw new XMLStreamException("cannot write to an in-memory body", e);
            }
        }

        /**
         * The characters under the StAX writer, for markup written by hand: writing no characters
         * closes any pending start tag, and the flush puts what StAX buffered before it.
         */
        Writer raw() throws XMLStreamException {
            xml.writeCharacters("");
            xml.flush();
            return text;
        }
    }

    private XmlBodies() {
    }

    /** The bytes of a body written by hand, from {@link #DECLARATION} on: the byte order mark is already in. */
    static ByteArrayOutputStream startBytes(int expectedSize) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(512, expectedSize));
        bytes.writeBytes(BOM);
        return bytes;
    }

    /**
     * @param expectedSize a guess of the body's size in bytes, so a large listing is not copied while it grows
     */
    static Body start(int expectedSize) throws XMLStreamException {
        ByteArrayOutputStream bytes = startBytes(expectedSize);
        // StAX over a buffered Writer: its own UTF-8 stream writer goes to the byte stream one char at a time.
        // Its buffer is sized from the body: a small answer should not pay for a large listing's buffer.
        int bufferChars = Math.min(16 * 1024, Math.max(512, expectedSize));
        Writer text = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), bufferChars);
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
        xml.writeStartDocument("utf-8", "1.0");
        return new Body(bytes, text, xml);
    }
}
