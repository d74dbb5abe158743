package io.handlestck.report;

import io.handlestck.kit.CaseResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code junit.xml}, written by JUnit's own {@link LegacyXmlReportGeneratingListener} while the kit
 * runs, so CI servers read exactly the format they already understand.
 *
 * <p>One thing is changed afterwards: JUnit names a parameterized invocation after its Java method
 * ({@code closesAll(Variant, CaseContext)[2]}), which tells a CI dashboard neither the case id nor the
 * target. Each {@code testcase} is renamed to the invocation's display name, which the kit builds
 * from the case id, title, variant and target endpoint; JUnit keeps the unique id in the element's
 * {@code system-out}, which is how the two are matched. Counts, outcomes, times and messages are
 * JUnit's, untouched.
 */
public final class JUnitXmlReport {

    public static final String FILE_NAME = "junit.xml";
    private static final String UNIQUE_ID_LINE = "unique-id: ";

    private final Path workDir;
    private final StringWriter listenerErrors = new StringWriter();
    private final LegacyXmlReportGeneratingListener xmlListener;
    private final Map<String, String> displayNames = new ConcurrentHashMap<>();

    /** @param workDir an empty directory JUnit writes into while the run lasts */
    public JUnitXmlReport(Path workDir) {
        this.workDir = workDir;
        this.xmlListener = new LegacyXmlReportGeneratingListener(workDir, new PrintWriter(listenerErrors, true));
    }

    /**
     * The listeners of one pass of a run over several x-ms-versions: JUnit writes each pass into its own
     * folder, and {@link #writeTo} gathers them all.
     */
    public TestExecutionListener[] listenersFor(String pass) {
        Path passDir = workDir.resolve(pass);
        try {
            Files.createDirectories(passDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestExecutionListener[] listeners = listeners();
        listeners[0] = new LegacyXmlReportGeneratingListener(passDir, new PrintWriter(listenerErrors, true));
        return listeners;
    }

    /** The listeners to pass to the kit runner: JUnit's writer, and a recorder of display names. */
    public TestExecutionListener[] listeners() {
        TestExecutionListener names = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                displayNames.put(test.getUniqueId(), test.getDisplayName());
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                displayNames.put(test.getUniqueId(), test.getDisplayName());
            }
        };
        return new TestExecutionListener[] {withoutResultEntries(xmlListener), names};
    }

    /**
     * Hands JUnit's writer everything but the kit's result entries ({@link CaseResults#RESULT_ENTRY}):
     * they carry a case's whole result as JSON for the runner, which report.json already shows; the
     * status entry stays, as CI dashboards have always seen it.
     */
    private static TestExecutionListener withoutResultEntries(TestExecutionListener writer) {
        InvocationHandler filtered = (proxy, method, arguments) -> {
            if (method.getName().equals("reportingEntryPublished") && arguments[1] instanceof ReportEntry entry) {
                Map<String, String> kept = new LinkedHashMap<>(entry.getKeyValuePairs());
                kept.remove(CaseResults.RESULT_ENTRY);
                if (kept.isEmpty()) {
                    return null;
                }
                arguments = new Object[] {arguments[0], ReportEntry.from(kept)};
            }
            try {
                return method.invoke(writer, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (TestExecutionListener) Proxy.newProxyInstance(JUnitXmlReport.class.getClassLoader(),
                new Class<?>[] {TestExecutionListener.class}, filtered);
    }

    /**
     * Writes {@code junit.xml} into {@code reportDir} from what JUnit wrote. One engine that ran
     * tests gives one {@code testsuite}; several are gathered under {@code testsuites}.
     *
     * @param scrubber applied to every attribute and text: failure messages may quote what a target answered
     * @return false when JUnit wrote nothing, i.e. the kit broke before any case was planned
     */
    public boolean writeTo(Path reportDir, SecretScrubber scrubber) throws IOException {
        return writeTo(reportDir, scrubber, Map.of());
    }

    /**
     * @param properties added to every {@code testsuite}'s {@code properties}, e.g. the preflight's finding
     */
    public boolean writeTo(Path reportDir, SecretScrubber scrubber, Map<String, String> properties) throws IOException {
        List<Path> written;
        try (Stream<Path> files = Files.walk(workDir)) {
            written = files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
        if (written.isEmpty()) {
            return false;
        }
        try {
            DocumentBuilder parser = newParser();
            List<Document> suites = new ArrayList<>();
            for (Path file : written) {
                Document suite = parser.parse(file.toFile());
                renameTestCases(suite);
                addProperties(suite, properties);
                scrub(suite.getDocumentElement(), scrubber);
                suites.add(suite);
            }
            // Every engine on the class path writes a file; those that found nothing to run are noise.
            List<Document> ran = suites.stream()
                    .filter(suite -> !"0".equals(suite.getDocumentElement().getAttribute("tests"))).toList();
            List<Document> kept = ran.isEmpty() ? suites.subList(0, 1) : ran;
            Document result = kept.size() == 1 ? kept.get(0) : gather(parser, kept);
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter xml = new StringWriter();
            transformer.transform(new DOMSource(result), new StreamResult(xml));
            Files.writeString(reportDir.resolve(FILE_NAME), xml.toString());
            return true;
        } catch (SAXException | ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot rewrite JUnit's XML report " + written + ": " + e.getMessage(), e);
        }
    }

    /** What JUnit's listener complained about while writing, if anything (it reports and goes on). */
    public String listenerErrors() {
        return listenerErrors.toString();
    }

    private void renameTestCases(Document suite) {
        NodeList testCases = suite.getElementsByTagName("testcase");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < testCases.getLength(); i++) {
            Element testCase = (Element) testCases.item(i);
            String name = uniqueIdOf(testCase).map(displayNames::get).orElse(testCase.getAttribute("name"));
            int occurrence = seen.merge(name, 1, Integer::sum);
            // Display names are unique per run by construction; keep names unique even if one is not.
            testCase.setAttribute("name", occurrence == 1 ? name : name + " #" + occurrence);
        }
    }

    private static void addProperties(Document suite, Map<String, String> properties) {
        if (properties.isEmpty()) {
            return;
        }
        Element root = suite.getDocumentElement();
        NodeList existing = root.getElementsByTagName("properties");
        Element holder;
        if (existing.getLength() > 0) {
            holder = (Element) existing.item(0);
        } else {
            holder = suite.createElement("properties");
            root.insertBefore(holder, root.getFirstChild());
        }
        // First, where a reader of the suite looks before JUnit's dump of the system properties.
        Node before = holder.getFirstChild();
        properties.forEach((name, value) -> {
            Element property = suite.createElement("property");
            property.setAttribute("name", name);
            property.setAttribute("value", value);
            holder.insertBefore(property, before);
        });
    }

    /**
     * Scrubs node by node, so that a mark such as {@code <scrubbed>} is escaped like any other text, and
     * makes every value {@link CarriableText carriable} in XML 1.0: a display name may hold U+FFFE.
     */
    private static void scrub(Element element, SecretScrubber scrubber) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            attribute.setNodeValue(CarriableText.of(scrubber.text(attribute.getNodeValue())));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                scrub(childElement, scrubber);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                child.setNodeValue(CarriableText.of(scrubber.text(child.getNodeValue())));
            }
        }
    }

    private static java.util.Optional<String> uniqueIdOf(Element testCase) {
        NodeList outputs = testCase.getElementsByTagName("system-out");
        for (int i = 0; i < outputs.getLength(); i++) {
            for (String line : outputs.item(i).getTextContent().split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.startsWith(UNIQUE_ID_LINE)) {
                    return java.util.Optional.of(trimmed.substring(UNIQUE_ID_LINE.length()));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static Document gather(DocumentBuilder parser, List<Document> suites) {
        Document all = parser.newDocument();
        Element root = all.createElement("testsuites");
        all.appendChild(root);
        for (Document suite : suites) {
            root.appendChild(all.importNode(suite.getDocumentElement(), true));
        }
        return all;
    }

    private static DocumentBuilder newParser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder();
    }
}
