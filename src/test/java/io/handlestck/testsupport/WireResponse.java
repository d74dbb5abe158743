package io.handlestck.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * One answer of the server as it came off the wire: status, headers and the raw body bytes (so that
 * a test can see the UTF-8 byte order mark the real service puts in front of every XML body).
 */
public record WireResponse(String method, String url, int status, HttpHeaders headers, byte[] body) {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first value of a header, if present (names are case-insensitive). */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code x-ms-error-code} header, or null. */
    public String errorCode() {
        return header("x-ms-error-code").orElse(null);
    }

    public boolean startsWithBom() {
        return body.length >= 3 && Arrays.equals(Arrays.copyOf(body, 3), BOM);
    }

    /** The body as UTF-8 text without a leading byte order mark. */
    public String text() {
        int offset = startsWithBom() ? 3 : 0;
        return new String(body, offset, body.length - offset, StandardCharsets.UTF_8);
    }

    /** The body parsed with the JDK's DOM parser (namespace-unaware, no external entities). */
    public Document xml() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("body of " + this + " is not well-formed XML: " + e.getMessage() + "\n" + text(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the first element with this name anywhere in the XML body, or null. */
    public String xmlText(String elementName) {
        var nodes = xml().getElementsByTagName(elementName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** The root element of an XML error body after checking it is one: {@code <Error><Code>…</Code><Message>…}. */
    public Element errorElement() {
        Element root = xml().getDocumentElement();
        if (!root.getTagName().equals("Error")) {
            throw new AssertionError("expected an <Error> body from " + this + " but got:\n" + text());
        }
        return root;
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("body of " + this + " is not JSON: " + text(), e);
        }
    }

    @Override
    public String toString() {
        return method + " " + url + " -> " + status + (errorCode() == null ? "" : " " + errorCode());
    }
}
