package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.errorCode;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.ProtocolCases.FILE;
import static io.handlestck.kit.cases.ProtocolCases.abbreviate;
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
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Protocol ({@code suites/protocol.yaml}): malformed input of every family is a client error, never a
 * server error, and changes nothing.
 */
@HandlesTckCases
public class ProtocolMalformedInputCases {

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
}
