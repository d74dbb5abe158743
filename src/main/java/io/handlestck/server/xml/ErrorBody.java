package io.handlestck.server.xml;

import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The error body of the real service:
 * {@code <Error><Code>…</Code><Message>text\nRequestId:…\nTime:…</Message>[details]</Error>}.
 */
public final class ErrorBody {

    private ErrorBody() {
    }

    /**
     * @param details detail elements after {@code Message}, in wire order (HeaderName, HeaderValue...)
     * @param time    the 7-digit ISO-8601 time for the {@code Time:} line
     */
    public static byte[] write(String code, String message, Map<String, String> details, String requestId, String time) {
        try {
            XmlBodies.Body body = XmlBodies.start(512);
            XMLStreamWriter xml = body.xml();
            xml.writeStartElement("Error");
            body.element("Code", code);
            body.element("Message", message + "\nRequestId:" + requestId + "\nTime:" + time);
            for (Map.Entry<String, String> detail : details.entrySet()) {
                body.element(detail.getKey(), XmlText.escapeInvalid(detail.getValue()));
            }
            xml.writeEndElement();
            return body.finish();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException("cannot write an error body", e));
        }
    }
}
