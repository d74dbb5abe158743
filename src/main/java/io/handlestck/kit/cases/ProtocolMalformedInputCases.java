package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.errorCode;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.ProtocolCases.FILE;
import static io.handlestck.kit.cases.ProtocolCases.abbreviate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.TargetClient;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Protocol ({@code suites/protocol.yaml}): malformed input of every family is 400 with the error code
 * the service gives it, never a server error.
 */
@HandlesTckCases
public class ProtocolMalformedInputCases {

    /** The directory every malformed request addresses or lies in: it exists, so each input reaches its parser. */
    private static final String PARENT = "dir";

    /**
     * Families of malformed input; each invocation sends every value of its family and expects 400 with
     * one of the family's codes: the recorded code where a recording shows one (handle ids, versions), the
     * codes of DOC-ERR that fit the input where none does (the catalogue entry's notes say why, family by family).
     */
    enum Malformed {
        HANDLE_IDS("InvalidHeaderValue"),
        MARKERS("InvalidQueryParameterValue", "OutOfRangeQueryParameterValue", "InvalidInput", "InvalidHeaderValue"),
        MAXRESULTS("InvalidQueryParameterValue", "OutOfRangeQueryParameterValue"),
        SNAPSHOTS("InvalidQueryParameterValue", "OutOfRangeQueryParameterValue"),
        TIMEOUTS("InvalidQueryParameterValue"),
        VERSIONS("InvalidHeaderValue"),
        RECURSIVE_FLAGS("InvalidHeaderValue"),
        PATHS("InvalidResourceName", "OutOfRangeInput", "InvalidUri");

        private final Set<String> codes;

        Malformed(String... codes) {
            this.codes = Set.of(codes);
        }
    }

    /** An empty x-ms-handle-id may be read as no header at all: an input of its family with a second code. */
    private static final Set<String> EMPTY_HANDLE_ID_CODES = Set.of("InvalidHeaderValue", "MissingRequiredHeader");
    /**
     * A header value outside ISO-8859-1 may not be signed alike by client and target (HTTP carries header
     * bytes, the signature is over characters): 403 AuthenticationFailed is then as right as the 400.
     */
    private static final Set<String> NON_LATIN1_HANDLE_ID_CODES = Set.of("InvalidHeaderValue", "AuthenticationFailed");

    @CaseId("PRO-022")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Malformed.class)
    void malformedInputIsAClientError(Malformed family, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file(PARENT + "/" + FILE);
        String name = share.name();
        TargetClient target = ctx.target();
        Map<String, Supplier<Response>> requests = new LinkedHashMap<>();
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        switch (family) {
            case HANDLE_IDS -> {
                for (String id : List.of("", " ", "abc", "-5", "1e3", "0x10", "99999999999999999999999", "**", "1;2", "٣")) {
                    String what = "x-ms-handle-id '" + id + "'";
                    requests.put(what, () -> target.forceClose(ForceCloseCall.on(name, file).handleId(id)));
                    if (id.isBlank()) {
                        codes.put(what, EMPTY_HANDLE_ID_CODES);
                    } else if (id.chars().anyMatch(c -> c > 0xFF)) {
                        codes.put(what, NON_LATIN1_HANDLE_ID_CODES);
                    }
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
                    requests.put("x-ms-recursive '" + recursive + "'", () -> target.forceClose(ForceCloseCall.on(name, PARENT).allHandles().recursive(recursive)));
                }
            }
            case PATHS -> {
                // Every path lies in the existing directory PARENT, so that a target which looks its parents up
                // before it checks the name still reaches the name: a 404 here is a missed check, not a missing parent.
                // The longest one's parents exist too (1795 characters); only its last name takes it past 2048.
                String longParents = ("d".repeat(255) + "/").repeat(7);
                share.directory(PARENT + "/" + longParents.substring(0, longParents.length() - 1));
                for (String path : List.of(longParents + "n".repeat(255), "bad\"quote.txt", "bad<lt>.txt", "bad|pipe.txt", "bad:colon.txt", "bad*star.txt",
                        "bad?question.txt", "back\\slash.txt", "n".repeat(256), "bad\u0001control.txt", "...")) {
                    String inParent = PARENT + "/" + path;
                    requests.put("List Handles of '" + abbreviate(inParent) + "'", () -> target.listHandles(ListHandlesCall.on(name, inParent)));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        requests.forEach((what, request) -> {
            Response response = request.get();
            Set<String> expected = codes.getOrDefault(what, family.codes);
            String code = errorCode(response);
            if (code == null || !expected.contains(code) || response.getStatusCode() != statusOf(code)) {
                problems.add(what + " answered " + describe(response) + ", not " + String.join(" or ", new TreeSet<>(expected)));
            }
        });
        if (!problems.isEmpty()) {
            fail("malformed input must answer 400 with the error code the service gives it:\n  " + String.join("\n  ", problems));
        }
    }

    /** The status each accepted code goes with (DOC-ERR): AuthenticationFailed 403, every other code here 400. */
    private static int statusOf(String code) {
        return "AuthenticationFailed".equals(code) ? 403 : 400;
    }

    /**
     * The value of PRO-024: characters XML 1.0 carries (the space and the edges of its ranges, one
     * supplementary character) around one it cannot (U+0001), so that the echo must both stay well-formed
     * and keep what it can.
     */
    private static final String CARRIED_BEFORE = "1 \uD7FF\uE000";
    private static final String CARRIED_AFTER = "\uFFFD\uD800\uDC00x";

    @CaseId("PRO-024")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Resource.class, names = {"FILE", "DIRECTORY"})
    void echoOfAValueXmlCannotCarryIsWellFormed(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String value = CARRIED_BEFORE + "\u0001" + CARRIED_AFTER;

        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), path).maxResults(value));

        String what = "List Handles with maxresults holding U+0001";
        CaseSupport.assertError(response, 400, "InvalidQueryParameterValue", what);
        assertEquals("maxresults", CaseSupport.errorDetail(response, "QueryParameterName"), what + ": QueryParameterName");
        String echoed = CaseSupport.errorDetail(response, "QueryParameterValue");
        assertTrue(echoed != null && echoed.startsWith(CARRIED_BEFORE) && echoed.endsWith(CARRIED_AFTER),
                what + ": QueryParameterValue must keep every character XML can carry around the one it cannot,"
                        + " was " + (echoed == null ? "absent" : abbreviate(echoed)));
    }
}
