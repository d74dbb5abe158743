package io.handlestck.report;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Exchange;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Source;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.result.TargetInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs built by hand for the writers' tests: every status and level, and secrets planted where a
 * careless recorder would leave them (Authorization, SAS signatures, a key echoed in a body).
 */
final class SampleRuns {

    static final String KEY = "c2VjcmV0LWFjY291bnQta2V5LWZvci10ZXN0cy1vbmx5LTEyMzQ1Njc4OTA=";
    static final String SIGNATURE = "Zm9yZ2VkLXNpZ25hdHVyZS12YWx1ZS0xMjM0NTY3ODkwYWJj";
    static final String SAS_SIGNATURE = "c2FzLXNpZ25hdHVyZS12YWx1ZQ%3D%3D";
    static final String ENDPOINT = "http://127.0.0.1:10004/devstoreaccount1";

    private SampleRuns() {
    }

    /** One case of every status, at varying levels, with an exchange each. */
    static RunReport everyStatus() {
        List<CaseResult> cases = new ArrayList<>();
        int n = 1;
        for (Status status : Status.values()) {
            for (Level level : Level.values()) {
                cases.add(result(String.format("FCH-%03d", n++), level, status, "file"));
            }
        }
        cases.add(result("LH-001", Level.REQUIRED, Status.PASS, "maxresults=1 <script>alert(1)</script>"));
        return run(cases, null);
    }

    static RunReport run(List<CaseResult> cases, String error) {
        Map<Status, Integer> summary = new EnumMap<>(Status.class);
        cases.forEach(result -> summary.merge(result.status(), 1, Integer::sum));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("endpoint", ENDPOINT);
        config.put("account", "devstoreaccount1");
        config.put("key", KEY);
        config.put("connectionString", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + KEY + ";");
        config.put("version", "2025-05-05");
        return new RunReport("0.1.0", null, "run-20261125-1", Instant.parse("2026-11-25T17:00:00Z"),
                Instant.parse("2026-11-25T17:00:04.250Z"),
                new TargetInfo(ENDPOINT, "devstoreaccount1", "Handles-TCK-Reference/0.1.0", null, "fixture"),
                config, "2025-05-05", summary, cases, error);
    }

    static CaseResult result(String id, Level level, Status status, String variant) {
        String klass = id.startsWith("LH") ? "list-handles" : "force-close-handles";
        String message = status == Status.PASS ? null
                : status + ": expected 1 handle closed but was 0; server said <Error>AccountKey=" + KEY + "</Error>";
        return new CaseResult(id, "title of " + id, klass, level, status,
                List.of(new Source("spec", "force-close-handles.txt#x-ms-handle-id", "A single id closes that handle.")),
                variant, "[" + id + "] title of " + id + " [" + variant + "] @ " + ENDPOINT, 41,
                message, status == Status.FAIL ? List.of("share htck-1 left behind: 409") : List.of(),
                List.of(exchange(id)), "suites/" + klass + ".yaml", "io.handlestck.kit.cases.SampleCases",
                "case" + id.replace("-", ""));
    }

    static Exchange exchange(String id) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        request.put("x-ms-version", List.of("2025-05-05"));
        request.put("x-ms-handle-id", List.of("*"));
        request.put("Authorization", List.of("SharedKey devstoreaccount1:" + SIGNATURE));
        Map<String, List<String>> response = new LinkedHashMap<>();
        response.put("x-ms-request-id", List.of("req-" + id));
        response.put("x-ms-number-of-handles-closed", List.of("1"));
        return new Exchange("PUT", ENDPOINT + "/share-" + id.toLowerCase() + "/f.txt?comp=forceclosehandles&sv=2025-05-05&sig="
                + SAS_SIGNATURE, request, null, 200, response,
                "\uFEFF<?xml version=\"1.0\"?><Error><Code>X</Code><Message>key " + KEY + "</Message></Error>", 3);
    }
}
