package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedError;
import static io.handlestck.kit.cases.CaseSupport.assertAllowedStatus;
import static io.handlestck.kit.cases.CaseSupport.assertClosed;
import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.errorCode;
import static io.handlestck.kit.cases.CaseSupport.errorDetail;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
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
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.Signing;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.xml.XmlChecks;
import io.handlestck.sharedkey.SharedKey;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * Protocol ({@code suites/protocol.yaml}): authorization, versioning, the standard response headers
 * and the shape of errors, checked on both handle operations and on their success and error answers.
 * Requests that must be refused are sent while handles are open, and the cases check that none of
 * them closed anything.
 */
@HandlesTckCases
public class ProtocolCases {

    private static final String FILE = "probe.txt";

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

    @CaseId("PRO-006")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"pinned", "2018-11-09", "2019-07-07", "2021-06-08", "2024-05-04"})
    void versionIsTheOneAskedFor(String version, CaseContext ctx) {
        String asked = version.equals("pinned") ? ctx.version() : version;
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

    @CaseId("PRO-010")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"*", "one handle id"})
    void tamperedSignatureIsRefused(String handleId, CaseContext ctx) {
        refusedAndNothingClosed(ctx, handleId, Signing.sharedKey().tampered(), "a tampered signature",
                response -> assertError(response, 403, "AuthenticationFailed", "Force Close with a tampered signature"));
    }

    @CaseId("PRO-011")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"another key", "another account"})
    void foreignSignatureIsRefused(String whose, CaseContext ctx) {
        Signing signing = whose.equals("another key") ? Signing.sharedKey().withKey(randomKey())
                : Signing.sharedKey().withAccount("kitother" + UUID.randomUUID().toString().substring(0, 8));
        refusedAndNothingClosed(ctx, "*", signing, "a signature with " + whose,
                response -> assertStatus(response, 403, "Force Close signed with " + whose));
    }

    @CaseId("PRO-012")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"PT16M", "-PT16M", "-PT2H", "P1D"})
    void staleDateIsRefused(String skew, CaseContext ctx) {
        refusedAndNothingClosed(ctx, "*", Signing.sharedKey().withClockSkew(Duration.parse(skew)),
                "x-ms-date off by " + skew, response -> assertStatus(response, 403, "Force Close dated " + skew + " away"));
    }

    @CaseId("PRO-013")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"*", "one handle id"})
    void missingDateIsRefused(String handleId, CaseContext ctx) {
        refusedAndNothingClosed(ctx, handleId, Signing.sharedKey().withoutDate(), "no Date and no x-ms-date",
                response -> assertAllowedStatus(ctx, "status", response, "Force Close without a date"));
    }

    @CaseId("PRO-014")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"Force Close Handles", "List Handles"})
    void sharedAccessSignatureIsRefused(String operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        Set<String> ids = new TreeSet<>(open(ctx, share, FILE, 2));
        String url = TargetClient.withQuery(ctx.target().url(share.name(), FILE), accountSas(ctx, operation));

        Response response = operation.equals("List Handles")
                ? ctx.target().request(Signing.unsigned()).get(url)
                : ctx.target().request(Signing.unsigned()).header("x-ms-handle-id", "*").put(url);

        assertAllowedError(ctx, "errorCode", response, 403, operation + " authorized by an account SAS");
        assertEquals(ids, openOn(ctx, share, List.of(FILE)), "a refused request must not close any handle");
    }

    @CaseId("PRO-015")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"Force Close Handles", "List Handles"})
    void anonymousRequestIsRefused(String operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        Set<String> ids = new TreeSet<>(open(ctx, share, FILE, 2));

        Response response = operation.equals("List Handles")
                ? ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE), Signing.unsigned())
                : ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).allHandles(), Signing.unsigned());

        assertAllowedStatus(ctx, "status", response, operation + " without Authorization");
        assertEquals(ids, openOn(ctx, share, List.of(FILE)), "a refused request must not close any handle");
    }

    @CaseId("PRO-016")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"List Handles", "Force Close Handles"})
    void sharedKeyLiteIsAccepted(String operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        List<String> ids = open(ctx, share, FILE, 2);
        Signing lite = Signing.sharedKeyLite();

        Response response = operation.equals("List Handles")
                ? ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE), lite)
                : ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).handleId(ids.get(0)), lite);

        if (response.getStatusCode() == 403) {
            ctx.notImplemented("the target refuses SharedKeyLite: " + describe(response));
        }
        assertStatus(response, 200, operation + " signed with SharedKeyLite");
        if (operation.equals("List Handles")) {
            assertEquals(new TreeSet<>(ids), new TreeSet<>(HandleListing.of(response).handleIds()),
                    "the listing must show both handles");
        } else {
            assertEquals("1", response.getHeader("x-ms-number-of-handles-closed"), "one handle was named");
        }
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

        assertAllowedStatus(ctx, "status", ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE)
                .header("x-ms-version", version)), "List Handles at x-ms-version " + version);
        assertAllowedStatus(ctx, "status", ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).allHandles()
                .header("x-ms-version", version)), "Force Close Handles at x-ms-version " + version);

        assertEquals(ids, openOn(ctx, share, List.of(FILE)), "a refused request must not close any handle");
    }

    @CaseId("PRO-019")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"List Handles", "Force Close Handles"})
    void missingVersionIsRefused(String operation, CaseContext ctx) {
        TestShare share = Probe.prepare(ctx);
        Signing noVersion = Signing.sharedKey().withoutVersion();
        Response response = operation.equals("List Handles")
                ? ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE), noVersion)
                : ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).allHandles(), noVersion);
        assertAllowedError(ctx, "errorCode", response, 400, operation + " signed without x-ms-version");
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
        assertAllowedError(ctx, "errorCode", ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE)
                .timeout(timeout)), 400, "List Handles with timeout='" + timeout + "'");
        assertAllowedError(ctx, "errorCode", ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE)
                .allHandles().timeout(timeout)), 400, "Force Close with timeout='" + timeout + "'");
    }

    /** Families of malformed input; each invocation sends every value of its family. */
    enum Malformed { HANDLE_IDS, MARKERS, MAXRESULTS, SNAPSHOTS, TIMEOUTS, VERSIONS, RECURSIVE_FLAGS, PATHS }

    @CaseId("PRO-022")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Malformed.class)
    void malformedInputIsAClientError(Malformed family, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("dir/" + FILE);
        String name = share.name();
        TargetClient target = ctx.target();
        Map<String, Supplier<Response>> requests = new LinkedHashMap<>();
        switch (family) {
            case HANDLE_IDS -> {
                for (String id : List.of("", " ", "abc", "-5", "1e3", "0x10", "99999999999999999999999", "**", "1;2", "٣")) {
                    requests.put("x-ms-handle-id '" + id + "'", () -> target.forceClose(ForceCloseCall.on(name, file).handleId(id)));
                }
            }
            case MARKERS -> {
                for (String marker : List.of("x", "1!0!", "2!5!AAAA", "1!-1!AA", "!!!", "1!4!////", "\u00e9\u00e8")) {
                    requests.put("List Handles marker '" + marker + "'", () -> target.listHandles(ListHandlesCall.on(name, file).marker(marker)));
                    requests.put("Force Close marker '" + marker + "'", () -> target.forceClose(ForceCloseCall.on(name, file).allHandles().marker(marker)));
                }
            }
            case MAXRESULTS -> {
                for (String maxResults : List.of("", "-0", "+", "1e2", "0x10", "-2147483649", "five")) {
                    requests.put("maxresults '" + maxResults + "'", () -> target.listHandles(ListHandlesCall.on(name, file).maxResults(maxResults)));
                }
            }
            case SNAPSHOTS -> {
                for (String snapshot : List.of("not-a-date", "2024-13-01T00:00:00.0000000Z", "0", "2024-01-01")) {
                    requests.put("List Handles sharesnapshot '" + snapshot + "'", () -> target.listHandles(ListHandlesCall.on(name, file).snapshot(snapshot)));
                    requests.put("Force Close sharesnapshot '" + snapshot + "'", () -> target.forceClose(ForceCloseCall.on(name, file).allHandles().snapshot(snapshot)));
                }
            }
            case TIMEOUTS -> {
                for (String timeout : List.of("-100", "ten", "1.0", "99999999999999999999")) {
                    requests.put("timeout '" + timeout + "'", () -> target.listHandles(ListHandlesCall.on(name, file).timeout(timeout)));
                }
            }
            case VERSIONS -> {
                for (String version : List.of("latest", "2019-02-30", "9999-99-99", "2019/02/02", "20190202")) {
                    requests.put("x-ms-version '" + version + "'", () -> target.forceClose(ForceCloseCall.on(name, file).allHandles().header("x-ms-version", version)));
                }
            }
            case RECURSIVE_FLAGS -> {
                for (String recursive : List.of("maybe", "yes", "2", "tru")) {
                    requests.put("x-ms-recursive '" + recursive + "'", () -> target.forceClose(ForceCloseCall.on(name, "dir").allHandles().recursive(recursive)));
                }
            }
            case PATHS -> {
                for (String path : List.of("dir/bad\"quote.txt", "dir/bad<lt>.txt", "dir/bad|pipe.txt", "dir/bad:colon.txt",
                        "dir/bad*star.txt", "dir/bad?question.txt", "dir/back\\slash.txt", "dir/" + "n".repeat(256),
                        "d/".repeat(1100) + "f.txt")) {
                    requests.put("List Handles of '" + abbreviate(path) + "'", () -> target.listHandles(ListHandlesCall.on(name, path)));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        requests.forEach((what, request) -> {
            Response response = request.get();
            int status = response.getStatusCode();
            if (status < 400 || status >= 500) {
                problems.add(what + " answered " + describe(response));
            } else if (errorCode(response) == null) {
                problems.add(what + " answered " + status + " without an error code in x-ms-error-code or an XML body");
            }
        });
        if (!problems.isEmpty()) {
            fail("malformed input must answer 4xx with an XML error:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Opens two handles on a file, sends a Force Close that must be refused, judges the answer, and
     * checks that both handles are still open.
     */
    private static void refusedAndNothingClosed(CaseContext ctx, String handleId, Signing signing, String what,
                                                Consumer<Response> judge) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        List<String> opened = open(ctx, share, FILE, 2);
        String id = handleId.equals("*") ? "*" : opened.get(0);

        judge.accept(ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).handleId(id), signing));

        assertEquals(new TreeSet<>(opened), openOn(ctx, share, List.of(FILE)), "a request with " + what + " must not close any handle");
    }

    /**
     * The query of a well-formed account SAS for the file service, signed with the account key: a
     * signature the target could verify, so that a refusal is about the rule "only the account owner",
     * not about a broken token.
     */
    private static String[] accountSas(CaseContext ctx, String operation) {
        String version = "2019-12-12";
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
        String start = iso.format(Instant.now().minus(5, ChronoUnit.MINUTES));
        String expiry = iso.format(Instant.now().plus(1, ChronoUnit.HOURS));
        String permissions = "rwdlc";
        String stringToSign = String.join("\n", ctx.target().account(), permissions, "f", "sco", start, expiry, "",
                "https,http", version, "");
        String signature = SharedKey.signature(stringToSign, ctx.target().target().key());
        String comp = operation.equals("List Handles") ? "listhandles" : "forceclosehandles";
        return new String[] {"comp", comp, "sv", version, "ss", "f", "srt", "sco", "sp", permissions, "st", start,
                "se", expiry, "spr", "https,http", "sig", signature};
    }

    private static String randomKey() {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
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

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
    }
}
