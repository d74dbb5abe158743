package io.handlestck.kit.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.Answers;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ForceCloseResult;
import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.client.Signing;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.provision.HandleRequest;
import io.handlestck.kit.provision.OpenedHandle;
import io.handlestck.kit.xml.XmlChecks;
import io.restassured.response.Response;
import io.handlestck.kit.client.TargetClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The steps cases share: opening handles, reading what a target lists, and judging answers. Every
 * assertion message says what was sent and what came back, because the message is what a vendor
 * reads in the report.
 */
final class CaseSupport {

    /** How far a target's clock may be from the kit's: the window SharedKey allows a request. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(15);

    private CaseSupport() {
    }

    /** Opens {@code count} handles on {@code path} of the live share; returns their ids. */
    static List<String> open(CaseContext ctx, TestShare share, String path, int count) {
        return ids(ctx.handles().open(HandleRequest.on(share.name(), path).count(count)));
    }

    static String openOne(CaseContext ctx, TestShare share, String path) {
        return open(ctx, share, path, 1).get(0);
    }

    static List<String> ids(List<OpenedHandle> handles) {
        return handles.stream().map(OpenedHandle::handleId).toList();
    }

    /**
     * Every page of a listing, followed through NextMarker, as handle id → decoded path. A repeated id
     * fails at once, before the next page: a target whose marker repeats a handle would otherwise be
     * followed round the same page until the kit's page limit.
     */
    static Map<String, String> listedPaths(CaseContext ctx, ListHandlesCall call) {
        Map<String, String> paths = new LinkedHashMap<>();
        walkPages(ctx, call, TargetClient.MAX_PAGES, page -> {
            for (HandleListing.ListedHandle handle : page.handles()) {
                if (paths.put(handle.handleId(), handle.decodedPath()) != null) {
                    fail("List Handles of '" + call.path() + "' listed handle " + handle.handleId() + " twice");
                }
            }
        });
        return paths;
    }

    /**
     * Lists page after page, following NextMarker, handing each page to {@code visitor}; fails on an
     * answer other than 200 and when the listing has not ended after {@code maxPages} pages.
     *
     * @return the pages, in order
     */
    static List<HandleListing> walkPages(CaseContext ctx, ListHandlesCall call, int maxPages,
                                         Consumer<HandleListing> visitor) {
        List<HandleListing> pages = new ArrayList<>();
        ListHandlesCall next = call;
        while (true) {
            Response response = ctx.target().listHandles(next);
            assertStatus(response, 200, "List Handles of '" + call.path() + "', page " + (pages.size() + 1));
            HandleListing page = HandleListing.of(response);
            pages.add(page);
            visitor.accept(page);
            if (page.complete()) {
                return pages;
            }
            if (pages.size() >= maxPages) {
                fail("List Handles of '" + call.path() + "' still returned a NextMarker after " + maxPages + " pages");
            }
            next = next.marker(page.nextMarker());
        }
    }

    static Set<String> listed(CaseContext ctx, ListHandlesCall call) {
        return new TreeSet<>(listedPaths(ctx, call).keySet());
    }

    /**
     * The handles the target reports open on these paths of the live share. Each path is listed on its
     * own, without recursion, so that whether the others stayed open is judged the same way on a target
     * whose recursion is broken: that is the recursion cases' verdict, not every case's.
     */
    static Set<String> openOn(CaseContext ctx, TestShare share, Collection<String> paths) {
        return openOn(ctx, share, null, paths);
    }

    /** As {@link #openOn(CaseContext, TestShare, Collection)}, on a share snapshot ({@code null}: the live share). */
    static Set<String> openOn(CaseContext ctx, TestShare share, String snapshot, Collection<String> paths) {
        Set<String> ids = new TreeSet<>();
        for (String path : new TreeSet<>(paths)) {
            ids.addAll(listed(ctx, ListHandlesCall.on(share.name(), path).snapshot(snapshot)));
        }
        return ids;
    }

    static ForceCloseResult forceClose(CaseContext ctx, ForceCloseCall call) {
        return ForceCloseResult.of(ctx.target().forceClose(call));
    }

    /** Asserts a force close answered 200 and reported exactly {@code closed} handles closed. */
    static ForceCloseResult assertClosed(ForceCloseResult result, long closed, String what) {
        assertStatus(result.response(), 200, what);
        assertEquals(Long.valueOf(closed), result.closed(),
                what + ": x-ms-number-of-handles-closed was " + result.response().getHeader("x-ms-number-of-handles-closed"));
        return result;
    }

    static void assertStatus(Response response, int expected, String what) {
        if (response.getStatusCode() != expected) {
            fail(what + ": expected HTTP " + expected + ", got " + describe(response));
        }
    }

    /** Asserts the status is one of the entry's allowed answers ({@code allowed.<answerSet>}). */
    static void assertAllowedStatus(CaseContext ctx, AnswerSet answerSet, Response response, String what) {
        List<String> allowed = ctx.entry().allowed(answerSet);
        if (!allowed.contains(Integer.toString(response.getStatusCode()))) {
            fail(what + ": expected HTTP " + String.join(" or ", allowed) + ", got " + describe(response));
        }
    }

    /** Asserts an error status and code: the code from {@code x-ms-error-code}, or the body's Code without it. */
    static void assertError(Response response, int status, String code, String what) {
        assertStatus(response, status, what);
        assertEquals(code, errorCode(response), what + ": error code; " + describe(response));
    }

    /** Asserts an error status and a code the entry allows ({@code allowed.<answerSet>}). */
    static void assertAllowedError(CaseContext ctx, AnswerSet answerSet, Response response, int status, String what) {
        assertStatus(response, status, what);
        List<String> allowed = ctx.entry().allowed(answerSet);
        String code = errorCode(response);
        assertTrue(allowed.contains(code), what + ": error code " + (code == null ? "(none sent)" : code)
                + " is not one of " + allowed + "; "
                + describe(response));
    }

    /** The error code of an answer: {@code x-ms-error-code}, else the body's {@code Code}, else null. */
    static String errorCode(Response response) {
        String header = response.getHeader("x-ms-error-code");
        return header != null ? header : errorDetail(response, "Code");
    }

    /** The text of a child of the XML error body ({@code Code}, {@code HeaderName}...), or null. */
    static String errorDetail(Response response, String element) {
        byte[] body = response.asByteArray();
        if (body.length == 0) {
            return null;
        }
        Document document;
        try {
            document = XmlChecks.parse(body);
        } catch (AssertionError notXml) {
            return null;
        }
        for (Node node = document.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && node.getNodeName().equals(element)) {
                return node.getTextContent();
            }
        }
        return null;
    }

    /**
     * Compares a body with a control in {@code fixtures/xml/}. The body is parsed first, so that one
     * that is not well-formed XML is a wrong answer (an assertion) rather than a comparison that broke.
     */
    static void assertMatchesControl(CaseContext ctx, String control, Response response) {
        byte[] body = response.asByteArray();
        XmlChecks.parse(body);
        ctx.xml().assertMatchesControl(control, body);
    }

    /** Status, error code and the start of the body: enough for a vendor to see what went wrong. */
    static String describe(Response response) {
        String body = response.asString();
        if (body.length() > 300) {
            body = body.substring(0, 300) + "…";
        }
        return Answers.statusAndCode(response) + (body.isEmpty() ? "" : " " + body);
    }

    /** The listed handle with {@code id}; fails when it is missing. */
    static HandleListing.ListedHandle onlyHandle(HandleListing listing, String id) {
        return listing.handles().stream().filter(handle -> id.equals(handle.handleId())).findFirst()
                .orElseGet(() -> fail("handle " + id + " is not listed; listed: " + listing.handleIds()));
    }

    /** Parses an RFC 1123 date the way HTTP writes it; a different shape fails the case. */
    static Instant parseRfc1123(String text, String what) {
        try {
            assertTrue(text.endsWith(" GMT"), what + " '" + text + "' must be in GMT");
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return fail(what + " '" + text + "' is not an RFC 1123 date");
        }
    }

    /** A share name no case creates, so that it cannot exist on the target. */
    /** The directory the missing-path cases create, so that one of their paths misses only its last name. */
    static final String PRESENT = "present";

    /** Paths that do not exist in a share holding only {@link #PRESENT}: a file, a directory, beneath a missing parent, in a present one. */
    static Stream<String> missingPaths() {
        return Stream.of("missing.txt", "missing-dir", "missing-dir/file.txt", PRESENT + "/missing.txt");
    }

    /** The answer of the operation (Force Close with {@code *}) on {@code path}, missing from a fresh share holding only {@link #PRESENT}. */
    static Response onMissingPath(CaseContext ctx, HandleOperation operation, String path) {
        TestShare share = ctx.newShare();
        share.directory(PRESENT);
        return onAllHandles(ctx, operation, share.name(), path, Signing.sharedKey());
    }

    /** The answer of List Handles of {@code path}, or of Force Close {@code *} on it, authorized as {@code signing} says. */
    static Response onAllHandles(CaseContext ctx, HandleOperation operation, String share, String path, Signing signing) {
        return operation == HandleOperation.LIST_HANDLES
                ? ctx.target().listHandles(ListHandlesCall.on(share, path), signing)
                : ctx.target().forceClose(ForceCloseCall.on(share, path).allHandles(), signing);
    }

    static String missingShareName() {
        return "hmissing" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** {@code parent/name}, or {@code name} under the root. */
    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /**
     * Handles opened on a directory (two of its own), on its descendants down to {@code depth} levels
     * (a file directly under it, then per level a subdirectory and a file in it), and — unless the
     * directory is the root — on a sibling whose name starts with the directory's name, the place a
     * prefix match instead of a path match goes wrong.
     *
     * @param own         handle id → path, on the directory itself
     * @param descendants handle id → path, beneath it
     * @param outside     handle id → path, outside it
     */
    record HandleTree(String base, Map<String, String> own, Map<String, String> descendants,
                      Map<String, String> outside) {

        Set<String> ownIds() {
            return new TreeSet<>(own.keySet());
        }

        Set<String> descendantIds() {
            return new TreeSet<>(descendants.keySet());
        }

        Set<String> outsideIds() {
            return new TreeSet<>(outside.keySet());
        }

        Set<String> ownAndDescendantIds() {
            Set<String> ids = ownIds();
            ids.addAll(descendants.keySet());
            return ids;
        }

        Map<String, String> allPaths() {
            Map<String, String> paths = new HashMap<>(own);
            paths.putAll(descendants);
            paths.putAll(outside);
            return paths;
        }
    }

    /** Builds and opens a {@link HandleTree} under {@code base} ({@code ""} for the share root). */
    static HandleTree openTree(CaseContext ctx, TestShare share, String base, int depth) {
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> descendants = new LinkedHashMap<>();
        Map<String, String> outside = new LinkedHashMap<>();
        if (!base.isEmpty()) {
            share.directory(base);
        }
        open(ctx, share, base, 2).forEach(id -> own.put(id, base));
        String top = share.file(child(base, "top.txt"));
        descendants.put(openOne(ctx, share, top), top);
        String directory = base;
        for (int level = 1; level <= depth; level++) {
            directory = share.directory(child(directory, "level" + level));
            descendants.put(openOne(ctx, share, directory), directory);
            String file = share.file(child(directory, "file.txt"));
            descendants.put(openOne(ctx, share, file), file);
        }
        if (!base.isEmpty()) {
            String sibling = share.file(base + "-sibling/file.txt");
            outside.put(openOne(ctx, share, sibling), sibling);
        }
        return new HandleTree(base, own, descendants, outside);
    }
}
