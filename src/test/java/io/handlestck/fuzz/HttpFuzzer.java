package io.handlestck.fuzz;

import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Sends generated requests to a reference server and checks, for every answer and every batch:
 * <ul>
 *   <li>no 5xx other than 505 (an unknown HTTP version);</li>
 *   <li>every error is an XML {@code <Error>} whose {@code <Code>} equals {@code x-ms-error-code};</li>
 *   <li>counts are canonical decimals, and handles close only when an answer says so: after each batch
 *       the open handles of the fuzzed share (live and snapshot) are those before it minus the
 *       {@code x-ms-number-of-handles-closed} the batch's answers reported;</li>
 *   <li>a neighbouring share, never addressed, keeps its tree and its handles.</li>
 * </ul>
 * A failure names the seed and the request, so that it replays.
 */
final class HttpFuzzer {

    private static final List<String> TREE = List.of("d/", "d/e/", "f.txt", "d/g.txt", "d/e/h.txt", "sp ace.txt",
            "\u00fcml\u00e4ut.txt", "pct%41.txt", "d/e/deep.txt");
    private static final int BATCH = 250;
    private static final int OPEN_TARGET = 40;
    private static final Pattern CANONICAL_COUNT = Pattern.compile("0|[1-9][0-9]{0,9}");
    private static final Pattern NEXT_MARKER = Pattern.compile("<NextMarker>([^<]+)</NextMarker>");

    /** What a run did, for the report line. */
    record Outcome(long seed, int requests, int raw, int closedReported, Map<Integer, Integer> statuses) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + requests + " requests (" + raw + " raw malformed), "
                    + closedReported + " handles closed as reported, statuses " + statuses;
        }
    }

    private final WireClient client;
    private final String host;
    private final int port;
    private final long seed;
    private final String share;
    private final String neighbour;
    private final DocumentBuilder xml;
    private String snapshot;

    HttpFuzzer(WireClient client, long seed, String share, String neighbour) {
        this.client = client;
        this.host = client.root().getHost();
        this.port = client.root().getPort();
        this.seed = seed;
        this.share = share;
        this.neighbour = neighbour;
        this.xml = parser();
    }

    Outcome run(int requests) throws IOException {
        client.createTree(share, TREE.toArray(String[]::new));
        client.createTree(neighbour, TREE.toArray(String[]::new));
        snapshot = client.createSnapshot(share);
        for (String path : List.of("f.txt", "d", "d/e/h.txt")) {
            client.openHandles(share, path, snapshot, 2);
        }
        for (String path : List.of("", "d", "d/g.txt", "sp ace.txt", "d/e/deep.txt")) {
            client.openHandles(neighbour, path, 2);
        }
        List<String> neighbourBefore = handleIds(neighbour, null);

        List<String> paths = new ArrayList<>(List.of(""));
        TREE.forEach(entry -> paths.add(entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry));
        RequestMutator mutator = new RequestMutator(seed, client.account(), share, paths);
        Random random = mutator.random();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int raw = 0;
        int closedTotal = 0;
        int sent = 0;
        // The exchange before a missing answer, on the same connection: a server that drops a kept-alive
        // connection after answering shows as the next request going unanswered.
        String previousExchange = "none on this connection";
        try (RawHttpConnection connection = new RawHttpConnection(host, port)) {
            while (sent < requests) {
                replenish(random, paths);
                List<String> before = allHandleIds();
                mutator.learn(List.of(snapshot), before);
                int closed = 0;
                int batchEnd = Math.min(requests, sent + BATCH);
                for (; sent < batchEnd; sent++) {
                    String what;
                    RawAnswer answer;
                    boolean head = false;
                    if (random.nextInt(25) == 0) {
                        raw++;
                        String target = "/" + client.account() + "/" + share + "/f.txt?comp=listhandles";
                        byte[] bytes = MalformedHttp.next(random, target, host + ":" + port);
                        what = "raw bytes " + printable(bytes);
                        answer = RawHttpConnection.once(host, port, bytes);
                        if (answer == null) {
                            continue;
                        }
                    } else {
                        FuzzedRequest request = mutator.next(client.key());
                        what = request.describe();
                        head = request.isHead();
                        byte[] wire = request.wire(host + ":" + port, client.account(), client.key());
                        try {
                            answer = connection.exchange(wire, head);
                        } catch (IOException e) {
                            connection.close();
                            throw new AssertionError(failure("no answer (" + e.getMessage() + ")", sent, what)
                                    + "\n  exchange before it: " + previousExchange, e);
                        }
                        previousExchange = answer.closesConnection() ? "none on this connection" : printable(wire) + " -> " + answer;
                    }
                    statuses.merge(answer.status(), 1, Integer::sum);
                    closed += check(answer, head, sent, what, mutator);
                }
                closedTotal += closed;
                List<String> after = allHandleIds();
                if (after.size() != before.size() - closed || !before.containsAll(after)) {
                    throw new AssertionError("seed " + seed + ", requests up to #" + sent + ": " + before.size()
                            + " handles open before the batch, " + closed + " reported closed, but " + after.size()
                            + " open after it (" + after.stream().filter(id -> !before.contains(id)).count()
                            + " of them new)");
                }
            }
        }
        List<String> neighbourAfter = handleIds(neighbour, null);
        if (!neighbourAfter.equals(neighbourBefore)) {
            throw new AssertionError("seed " + seed + ": the neighbouring share's handles changed from "
                    + neighbourBefore + " to " + neighbourAfter);
        }
        for (String entry : TREE) {
            String path = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
            var request = client.request("HEAD", neighbour, path);
            if (entry.endsWith("/")) {
                request.query("restype", "directory");
            }
            int status = request.send().status();
            if (status != 200) {
                throw new AssertionError("seed " + seed + ": the neighbouring share's " + entry + " answers " + status);
            }
        }
        return new Outcome(seed, requests, raw, closedTotal, statuses);
    }

    /** Checks one answer; returns the handles it reports closed. */
    private int check(RawAnswer answer, boolean head, int index, String what, RequestMutator mutator) {
        int status = answer.status();
        if (status >= 500 && status != 505) {
            throw new AssertionError(failure("answered " + answer, index, what));
        }
        if (status >= 400) {
            String code = answer.header("x-ms-error-code");
            if (code == null || code.isEmpty()) {
                throw new AssertionError(failure("error without x-ms-error-code: " + answer, index, what));
            }
            if (!head) {
                String bodyCode = errorCode(answer, index, what);
                if (!code.equals(bodyCode)) {
                    throw new AssertionError(failure("x-ms-error-code " + code + " but <Code>" + bodyCode + ": "
                            + answer, index, what));
                }
            }
            return 0;
        }
        if (status >= 300) {
            return 0;
        }
        mutator.learnMarker(answer.header("x-ms-marker"));
        Matcher marker = NEXT_MARKER.matcher(answer.text());
        if (marker.find()) {
            mutator.learnMarker(marker.group(1));
        }
        String failed = answer.header("x-ms-number-of-handles-failed");
        if (failed != null && !CANONICAL_COUNT.matcher(failed).matches()) {
            throw new AssertionError(failure("x-ms-number-of-handles-failed not a canonical count: " + answer, index, what));
        }
        String closed = answer.header("x-ms-number-of-handles-closed");
        if (closed == null) {
            return 0;
        }
        if (!CANONICAL_COUNT.matcher(closed).matches() || answer.headerCount("x-ms-number-of-handles-closed") != 1) {
            throw new AssertionError(failure("x-ms-number-of-handles-closed not one canonical count: " + answer, index, what));
        }
        return Integer.parseInt(closed);
    }

    private String errorCode(RawAnswer answer, int index, String what) {
        byte[] body = answer.body();
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            Document document = xml.parse(new ByteArrayInputStream(body, start, body.length - start));
            Element root = document.getDocumentElement();
            NodeList codes = root.getElementsByTagName("Code");
            if (!root.getTagName().equals("Error") || codes.getLength() != 1) {
                throw new AssertionError(failure("error body is not <Error> with one <Code>: " + answer, index, what));
            }
            return codes.item(0).getTextContent();
        } catch (SAXException | IOException e) {
            throw new AssertionError(failure("error body is not XML (" + e.getMessage() + "): " + answer, index, what), e);
        }
    }

    /** Opens handles on random entries of the fuzzed share (live and snapshot) until there are enough. */
    private void replenish(Random random, List<String> paths) {
        int open = allHandleIds().size();
        while (open < OPEN_TARGET) {
            String path = paths.get(random.nextInt(paths.size()));
            boolean onSnapshot = random.nextInt(4) == 0 && List.of("f.txt", "d", "d/e/h.txt").contains(path);
            int count = 1 + random.nextInt(4);
            try {
                client.openHandles(share, path, onSnapshot ? snapshot : null, count);
            } catch (AssertionError gone) {
                // A fuzzed DELETE may have removed a file without handles: that is the server's right.
                if (path.contains(".")) {
                    client.createFile(share, path);
                }
                continue;
            }
            open += count;
        }
    }

    private List<String> allHandleIds() {
        List<String> ids = new ArrayList<>(handleIds(share, null));
        ids.addAll(handleIds(share, snapshot));
        return ids;
    }

    private List<String> handleIds(String shareName, String snapshotValue) {
        Scope scope = Scope.root(shareName).recursively();
        if (snapshotValue != null) {
            scope = scope.onSnapshot(snapshotValue);
        }
        return client.listAllHandles(scope, null).stream().map(ListedHandle::handleId).sorted().toList();
    }

    /** Raw bytes for a failure message: printable ASCII as it is, the rest as escapes, at most 400 bytes. */
    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < Math.min(bytes.length, 400); i++) {
            int b = bytes[i] & 0xFF;
            text.append(b == '\r' ? "\\r" : b == '\n' ? "\\n" : b >= 0x20 && b < 0x7F ? String.valueOf((char) b)
                    : String.format("\\x%02x", b));
        }
        return text.append(bytes.length > 400 ? "\"…(" + bytes.length + " bytes)" : "\"").toString();
    }

    private String failure(String problem, int index, String what) {
        return "seed " + seed + ", request #" + index + ": " + problem + "\n  request: " + what;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
