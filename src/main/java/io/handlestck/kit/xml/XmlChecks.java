package io.handlestck.kit.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xmlunit.XMLUnitException;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.ElementSelectors;
import org.xmlunit.input.CommentLessSource;
import org.xmlunit.input.WhitespaceStrippedSource;
import org.xmlunit.placeholder.PlaceholderDifferenceEvaluator;
import org.xmlunit.util.TransformerFactoryConfigurer;

/**
 * XML checks for cases ({@code ctx.xml()}): compare a body with a control document from
 * {@code fixtures/xml/} through XMLUnit, check the UTF-8 BOM, read element order.
 *
 * <p>Controls may use XMLUnit's placeholders ({@code ${xmlunit.ignore}}, {@code ${xmlunit.isNumber}},
 * {@code ${xmlunit.matchesRegex(...)}}...) and the kit's own, which name the value shapes of this API:
 * {@code ${handlestck.uint64}} (decimal 0..2^64-1), {@code ${handlestck.rfc1123}} (an HTTP date),
 * {@code ${handlestck.clientIp}} ({@code ip:port}). The kit's placeholders are rewritten into XMLUnit
 * regex placeholders before comparing, so XMLUnit does all the matching. The regexes use neither braces
 * nor parentheses: XMLUnit ends a placeholder's argument at the first {@code )} and the placeholder at
 * the first <code>}</code>; exact value checks (UINT64 range, day names) are the cases' business.
 */
public final class XmlChecks {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Thread-safe; compiling it (to bytecode, by the JDK's XSLTC) costs more than a comparison. */
    private static final Templates WITHOUT_COMMENTS = commentStripper();

    /** The kit's placeholder names and the XMLUnit placeholders they stand for. */
    public static final Map<String, String> PLACEHOLDERS = Map.of(
            "${handlestck.uint64}", "${xmlunit.matchesRegex(^[0-9]+$)}",
            "${handlestck.rfc1123}",
            "${xmlunit.matchesRegex(^[A-Z][a-z][a-z], [0-9][0-9] [A-Z][a-z][a-z] [0-9][0-9][0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] GMT$)}",
            "${handlestck.clientIp}", "${xmlunit.matchesRegex(^[0-9a-fA-F:.\\[\\]]+:[0-9]+$)}");

    /** True when the body starts with the UTF-8 byte order mark, as every real-service XML body does. */
    public boolean hasBom(byte[] body) {
        return body != null && body.length >= 3 && body[0] == BOM[0] && body[1] == BOM[1] && body[2] == BOM[2];
    }

    /**
     * Compares {@code body} with the control {@code fixtures/xml/<controlName>} (element order matters,
     * as in the service's bodies; whitespace between elements does not).
     *
     * @return the differences, empty when the body matches
     */
    public List<String> differences(String controlName, byte[] body) {
        Diff diff = DiffBuilder.compare(normalized(Input.fromString(control(controlName)).build()))
                .withTest(normalized(Input.fromByteArray(body).build()))
                .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byName))
                .withDifferenceEvaluator(new PlaceholderDifferenceEvaluator())
                .checkForSimilar()
                .build();
        List<String> out = new ArrayList<>();
        diff.getDifferences().forEach(difference -> out.add(difference.toString()));
        return out;
    }

    /** What each of the kit's placeholders may stand for in a byte comparison: the run's ids, times and addresses. */
    private static final Map<String, String> VALUE_PATTERNS = Map.of(
            "${handlestck.uint64}", "[0-9]+",
            "${handlestck.rfc1123}", "[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT",
            "${handlestck.clientIp}", "[0-9a-fA-F:.\\[\\]]+:[0-9]+");
    private static final Pattern KIT_PLACEHOLDER = Pattern.compile("\\$\\{handlestck\\.[a-zA-Z0-9]+}");

    /**
     * Compares {@code body} with the recorded bytes of {@code fixtures/xml/<controlName>}: the UTF-8 BOM
     * the service sends, then the control's text exactly (its file's final line break excluded), where
     * only the kit's placeholders (ids, times, client addresses) may differ. Unlike {@link #differences},
     * whitespace, attributes, the declaration and self-closing tags must all be as recorded.
     *
     * @return a description of the difference, or null when the body is the recorded one
     */
    public String byteDifference(String controlName, byte[] body) {
        String control = rawControl(controlName).stripTrailing();
        if (!byteComparable(controlName)) {
            throw new IllegalArgumentException(controlName + " holds XMLUnit placeholders: it cannot be compared byte for byte");
        }
        StringBuilder pattern = new StringBuilder();
        Matcher placeholder = KIT_PLACEHOLDER.matcher(control);
        int literalFrom = 0;
        while (placeholder.find()) {
            pattern.append(Pattern.quote(control.substring(literalFrom, placeholder.start())))
                    .append(VALUE_PATTERNS.get(placeholder.group()));
            literalFrom = placeholder.end();
        }
        pattern.append(Pattern.quote(control.substring(literalFrom)));
        if (!hasBom(body)) {
            return "the body does not start with the UTF-8 byte order mark EF BB BF the recording has";
        }
        String text = new String(body, BOM.length, body.length - BOM.length, StandardCharsets.UTF_8);
        return Pattern.compile(pattern.toString()).matcher(text).matches() ? null
                : "the body after the BOM is\n  " + text + "\nbut the recorded bytes are\n  " + control;
    }

    /**
     * What XMLUnit's {@code ignoreWhitespace()} and then {@code ignoreComments()} make of a document, with
     * XMLUnit's own comment-stripping stylesheet compiled once instead of once per document.
     */
    private static Source normalized(Source document) {
        DOMResult result = new DOMResult();
        try {
            WITHOUT_COMMENTS.newTransformer().transform(new WhitespaceStrippedSource(document), result);
        } catch (TransformerException e) {
            throw new XMLUnitException(e);
        }
        return new DOMSource(result.getNode());
    }

    private static Templates commentStripper() {
        try {
            return TransformerFactoryConfigurer.Default.configure(TransformerFactory.newInstance())
                    .newTemplates(new StreamSource(new StringReader(CommentLessSource.STYLE)));
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("the JRE cannot compile XMLUnit's comment-stripping stylesheet", e);
        }
    }

    /** True when the control holds only the kit's placeholders, none of XMLUnit's: then its bytes can be compared. */
    public boolean byteComparable(String controlName) {
        return !rawControl(controlName).contains("${xmlunit.");
    }

    /** Fails with every difference listed when {@code body} does not match the control. */
    public void assertMatchesControl(String controlName, byte[] body) {
        List<String> differences = differences(controlName, body);
        if (!differences.isEmpty()) {
            throw new AssertionError("body differs from fixtures/xml/" + controlName + ":\n  "
                    + String.join("\n  ", differences));
        }
    }

    /** The child element names of the first element called {@code elementName}, in document order. */
    public List<String> childOrder(byte[] body, String elementName) {
        Node element = parse(body).getElementsByTagName(elementName).item(0);
        if (element == null) {
            throw new AssertionError("no <" + elementName + "> element in the body");
        }
        List<String> names = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names;
    }

    /** The control document with the kit's placeholders rewritten to XMLUnit's. */
    public String control(String controlName) {
        String text = rawControl(controlName);
        for (Map.Entry<String, String> placeholder : PLACEHOLDERS.entrySet()) {
            text = text.replace(placeholder.getKey(), placeholder.getValue());
        }
        return text;
    }

    /** The control as its file holds it, with the kit's placeholders. */
    private static String rawControl(String controlName) {
        String resource = "fixtures/xml/" + controlName;
        try (InputStream in = XmlChecks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no control " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a body with external entities and DTDs refused (the body comes from the target under
     * test). A body that is not XML throws {@link AssertionError}: it is a wrong answer, not a kit error.
     */
    public static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw new AssertionError("body is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JRE's XML parser cannot be configured securely", e);
        }
    }

    /** Undoes the percent-encoding of {@code Encoded="true"} paths (UTF-8 bytes; '+' stays '+'). */
    public static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
