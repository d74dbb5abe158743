package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedError;
import static io.handlestck.kit.cases.CaseSupport.assertAllowedStatus;
import static io.handlestck.kit.cases.CaseSupport.assertClosed;
import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.errorDetail;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.onAllHandles;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.Signing;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.xml.XmlChecks;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * Protocol ({@code suites/protocol.yaml}): versioning, timeouts, the standard response headers and the
 * shape of errors, checked on both handle operations and on their success and error answers.
 * Authorization is in {@link ProtocolAuthorizationCases}, malformed input in
 * {@link ProtocolMalformedInputCases}.
 */
@HandlesTckCases
public class ProtocolCases {

    static final String FILE = "probe.txt";

    /**
     * One request of each kind a target answers: both operations succeeding, and the usual errors.
     * Header cases run over all of them, because a target may set its headers on one path and forget
     * another.
     */
    enum Probe {
        LIST_HANDLES("List Handles, 200"),
        FORCE_CLOSE("Force Close Handles, 200"),
        MALFORMED_HANDLE_ID("malformed x-ms-handle-id, 400"),
        INVALID_MAXRESULTS("maxresults=0, 400"),
        TAMPERED_SIGNATURE("tampered signature, 403"),
        MISSING_FILE("missing file, 404"),
        MISSING_SHARE("missing share, 404");

        private final String label;

        Probe(String label) {
            this.label = label;
        }

        /** Sends this probe against {@link #FILE} of {@code share}, with extra request headers. */
        Response send(CaseContext ctx, TestShare share, Map<String, String> headers) {
            ListHandlesCall list = ListHandlesCall.on(share.name(), FILE);
            ForceCloseCall close = ForceCloseCall.on(share.name(), FILE).allHandles();
            for (Map.Entry<String, String> header : headers.entrySet()) {
                list = list.header(header.getKey(), header.getValue());
                close = close.header(header.getKey(), header.getValue());
            }
            TargetClient target = ctx.target();
            return switch (this) {
                case LIST_HANDLES -> target.listHandles(list);
                case FORCE_CLOSE -> target.forceClose(close);
                case MALFORMED_HANDLE_ID -> target.forceClose(close.handleId("not-a-handle-id"));
                case INVALID_MAXRESULTS -> target.listHandles(list.maxResults(0));
                case TAMPERED_SIGNATURE -> target.listHandles(list, Signing.sharedKey().tampered());
                case MISSING_FILE -> target.listHandles(new ListHandlesCall(share.name(), "missing.txt", null, null,
                        null, null, null, list.headers()));
                case MISSING_SHARE -> target.listHandles(new ListHandlesCall(CaseSupport.missingShareName(), FILE,
                        null, null, null, null, null, list.headers()));
            };
        }

        /** A share with {@link #FILE} in it, which every probe addresses. */
        static TestShare prepare(CaseContext ctx) {
            TestShare share = ctx.newShare();
            share.file(FILE);
            return share;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @CaseId("PRO-001")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Probe.class)
    void clientRequestIdIsEchoed(Probe probe, CaseContext ctx) {
        String clientRequestId = "kit-" + UUID.randomUUID();
        Response response = probe.send(ctx, Probe.prepare(ctx), Map.of("x-ms-client-request-id", clientRequestId));
        assertEquals(clientRequestId, response.getHeader("x-ms-client-request-id"),
                "x-ms-client-request-id must be echoed (" + probe + ")");
    }

    @CaseId("PRO-002")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Probe.class)
    void clientRequestIdIsAbsentWhenNotSent(Probe probe, CaseContext ctx) {
        Response response = probe.send(ctx, Probe.prepare(ctx), Map.of());
        assertNull(response.getHeader("x-ms-client-request-id"),
                "no x-ms-client-request-id was sent, so none may come back (" + probe + ")");
    }

    @CaseId("PRO-003")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 1023, 1024, 1025, 2048})
    void clientRequestIdIsEchoedUpTo1024Characters(int length, CaseContext ctx) {
        String clientRequestId = visibleAscii(length);
        Response response = Probe.LIST_HANDLES.send(ctx, Probe.prepare(ctx), Map.of("x-ms-client-request-id", clientRequestId));
        assertTrue(response.getStatusCode() < 500, "a long x-ms-client-request-id must not break the target: "
                + describe(response));
        String echoed = response.getHeader("x-ms-client-request-id");
        if (length <= 1024) {
            assertEquals(clientRequestId, echoed, "a " + length + "-character id must be echoed");
        } else {
            assertNull(echoed, "a " + length + "-character id is over the 1024 limit and must not be echoed");
        }
    }

    @CaseId("PRO-004")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Probe.class)
    void standardHeadersAreOnEveryAnswer(Probe probe, CaseContext ctx) {
        Response response = probe.send(ctx, Probe.prepare(ctx), Map.of());
        for (String header : List.of("x-ms-request-id", "x-ms-version", "Date")) {
            String value = response.getHeader(header);
            assertTrue(value != null && !value.isBlank(), header + " must be sent (" + probe + ", answered "
                    + response.getStatusCode() + ")");
        }
    }

    @CaseId("PRO-005")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Probe.class)
    void requestIdsAreUnique(Probe probe, CaseContext ctx) {
        TestShare share = Probe.prepare(ctx);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String id = probe.send(ctx, share, Map.of()).getHeader("x-ms-request-id");
            assertNotNull(id, "x-ms-request-id must be sent (" + probe + ")");
            assertTrue(ids.add(id), "x-ms-request-id " + id + " was sent twice (" + probe + ")");
        }
    }

    static Stream<AskedVersion> versionsAskedFor() {
        return Stream.concat(Stream.of(AskedVersion.PINNED),
                Stream.of("2018-11-09", "2019-07-07", "2021-06-08", "2024-05-04").map(AskedVersion::new));
    }

    /**
     * An {@code x-ms-version} PRO-006 sends: a fixed one, or the version the kit is pinned to for this
     * run (null {@code fixed}), shown as "pinned".
     */
    record AskedVersion(String fixed) {
        static final AskedVersion PINNED = new AskedVersion(null);

        String value(CaseContext ctx) {
            return fixed == null ? ctx.version() : fixed;
        }

        @Override
        public String toString() {
            return fixed == null ? "pinned" : fixed;
        }
    }

    @CaseId("PRO-006")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @MethodSource("versionsAskedFor")
    void versionIsTheOneAskedFor(AskedVersion version, CaseContext ctx) {
        String asked = version.value(ctx);
        TestShare share = Probe.prepare(ctx);
        for (Response response : List.of(
                ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE).header("x-ms-version", asked)),
                ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).allHandles().header("x-ms-version", asked)))) {
            assertStatus(response, 200, "a request at x-ms-version " + asked);
            assertEquals(asked, response.getHeader("x-ms-version"), "x-ms-version must name the version asked for");
        }
    }

    @CaseId("PRO-007")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Probe.class)
    void dateIsRfc1123AndCurrent(Probe probe, CaseContext ctx) {
        Instant sent = Instant.now();
        String date = probe.send(ctx, Probe.prepare(ctx), Map.of()).getHeader("Date");
        assertNotNull(date, "Date must be sent (" + probe + ")");
        Instant parsed = CaseSupport.parseRfc1123(date, "Date");
        assertTrue(Duration.between(sent, parsed).abs().compareTo(CaseSupport.CLOCK_TOLERANCE) <= 0,
                "Date " + date + " is more than " + CaseSupport.CLOCK_TOLERANCE.toMinutes() + " minutes from the kit's clock");
    }

    @CaseId("PRO-008")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Probe.class, names = {"MALFORMED_HANDLE_ID", "INVALID_MAXRESULTS", "TAMPERED_SIGNATURE",
            "MISSING_FILE", "MISSING_SHARE"})
    void errorsCarryTheCodeInHeaderAndBody(Probe probe, CaseContext ctx) {
        Response response = probe.send(ctx, Probe.prepare(ctx), Map.of());
        assertTrue(response.getStatusCode() >= 400, "the probe must fail (" + probe + "): " + describe(response));
        String header = response.getHeader("x-ms-error-code");
        assertTrue(header != null && !header.isBlank(), "x-ms-error-code must be sent (" + probe + ")");
        Document body = XmlChecks.parse(response.asByteArray());
        assertEquals("Error", body.getDocumentElement().getTagName(), "the body's root element");
        assertEquals(header, errorDetail(response, "Code"), "the body's Code must match x-ms-error-code");
    }

    @CaseId("PRO-009")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Probe.class, names = {"MALFORMED_HANDLE_ID", "INVALID_MAXRESULTS", "TAMPERED_SIGNATURE",
            "MISSING_FILE", "MISSING_SHARE"})
    void errorBodyHasTheRealShape(Probe probe, CaseContext ctx) {
        Response response = probe.send(ctx, Probe.prepare(ctx), Map.of());
        byte[] body = response.asByteArray();
        assertTrue(ctx.xml().hasBom(body), "the error body must start with the UTF-8 byte order mark (" + probe + ")");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"),
                "the body must be one line starting with the declaration and <Error><Code>, was: " + text);
        String contentType = response.getHeader("Content-Type");
        assertTrue(contentType != null && contentType.startsWith("application/xml"), "Content-Type was " + contentType);
        String message = errorDetail(response, "Message");
        assertNotNull(message, "the body must have a Message");
        String requestId = response.getHeader("x-ms-request-id");
        assertTrue(message.matches("(?s).+\\nRequestId:" + Pattern.quote(String.valueOf(requestId))
                        + "\\nTime:\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z"),
                "Message must end with '\\nRequestId:<x-ms-request-id>\\nTime:<UTC, 7 fractional digits>Z', was: " + message);
    }

    @CaseId("PRO-017")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2099-01-01", "not-a-version", "2019-02-30", "2019-02-03"})
    void unknownVersionIsInvalidHeaderValue(String version, CaseContext ctx) {
        TestShare share = Probe.prepare(ctx);
        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE).header("x-ms-version", version));
        assertError(response, 400, "InvalidHeaderValue", "List Handles at x-ms-version " + version);
        assertEquals("x-ms-version", errorDetail(response, "HeaderName"), "the error must name x-ms-version");
    }

    @CaseId("PRO-018")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2018-03-28", "2017-11-09", "2015-02-21"})
    void versionsBeforeTheOperationsAreRefused(String version, CaseContext ctx) {
        TestShare share = Probe.prepare(ctx);
        Set<String> ids = new TreeSet<>(open(ctx, share, FILE, 1));

        assertRefusedNamingVersion(ctx, ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE)
                .header("x-ms-version", version)), version, "List Handles at x-ms-version " + version);
        assertRefusedNamingVersion(ctx, ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).allHandles()
                .header("x-ms-version", version)), version, "Force Close Handles at x-ms-version " + version);

        assertEquals(ids, openOn(ctx, share, List.of(FILE)), "a refused request must not close any handle");
    }

    /** An allowed refusal; one that names x-ms-version as the bad header must repeat the value sent (§3.1). */
    private static void assertRefusedNamingVersion(CaseContext ctx, Response response, String version, String what) {
        assertAllowedStatus(ctx, AnswerSet.STATUS, response, what);
        if ("x-ms-version".equals(errorDetail(response, "HeaderName"))) {
            assertEquals(version, errorDetail(response, "HeaderValue"), what + ": the error names x-ms-version, so its"
                    + " HeaderValue must be the version sent");
        }
    }

    @CaseId("PRO-019")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(HandleOperation.class)
    void missingVersionIsRefused(HandleOperation operation, CaseContext ctx) {
        TestShare share = Probe.prepare(ctx);
        Signing noVersion = Signing.sharedKey().withoutVersion();
        Response response = onAllHandles(ctx, operation, share.name(), FILE, noVersion);
        assertAllowedError(ctx, AnswerSet.ERROR_CODE, response, 400, operation + " signed without x-ms-version");
    }

    @CaseId("PRO-020")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"0", "1", "30", "3600"})
    void nonNegativeTimeoutIsAccepted(String timeout, CaseContext ctx) {
        TestShare share = Probe.prepare(ctx);
        assertStatus(ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE).timeout(timeout)), 200,
                "List Handles with timeout=" + timeout);
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), FILE).allHandles().timeout(timeout)), 0,
                "Force Close * with timeout=" + timeout);
    }

    @CaseId("PRO-021")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"-1", "abc", "1.5", ""})
    void invalidTimeoutIsRefused(String timeout, CaseContext ctx) {
        TestShare share = Probe.prepare(ctx);
        assertAllowedError(ctx, AnswerSet.ERROR_CODE, ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE)
                .timeout(timeout)), 400, "List Handles with timeout='" + timeout + "'");
        assertAllowedError(ctx, AnswerSet.ERROR_CODE, ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE)
                .allHandles().timeout(timeout)), 400, "Force Close with timeout='" + timeout + "'");
    }

    /** A visible-ASCII string of exactly {@code length} characters. */
    private static String visibleAscii(int length) {
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(i % alphabet.length()));
        }
        return out.toString();
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
    }
}
