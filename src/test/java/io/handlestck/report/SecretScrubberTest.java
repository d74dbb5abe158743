package io.handlestck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Exchange;
import io.handlestck.kit.result.RunReport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    private final SecretScrubber scrubber = new SecretScrubber(List.of(SampleRuns.KEY));

    @Test
    void signatureQuotedBackByAnAuthenticationErrorIsRemoved() {
        String detail = "The MAC signature found in the HTTP request '" + SampleRuns.SIGNATURE
                + "' is not the same as any computed signature.";
        assertThat(scrubber.text(detail)).doesNotContain(SampleRuns.SIGNATURE)
                .contains("signature found in the HTTP request '<scrubbed>'");
    }

    @Test
    void urlEncodedKeyAndSharedKeyInFreeTextAreRemoved() {
        String encoded = URLEncoder.encode(SampleRuns.KEY, StandardCharsets.UTF_8);
        assertThat(encoded).isNotEqualTo(SampleRuns.KEY);
        assertThat(scrubber.text("key=" + encoded + " auth SharedKeyLite acct:" + SampleRuns.SIGNATURE))
                .isEqualTo("key=<scrubbed> auth SharedKeyLite acct:<scrubbed>");
    }

    @Test
    void secretHeadersAndSettingsLoseTheirValuesOtherTextStays() {
        Exchange exchange = new Exchange("GET", "http://127.0.0.1/acct/s?comp=listhandles",
                Map.of("x-ms-copy-source-authorization", List.of("Bearer abc.def.ghi"), "x-ms-version", List.of("2025-05-05")),
                null, 200, Map.of(), "ok", 1);
        CaseResult result = SampleRuns.result("LH-002", io.handlestck.kit.result.Level.REQUIRED,
                io.handlestck.kit.result.Status.PASS, "file");
        CaseResult withExchange = new CaseResult(result.id(), result.title(), result.conformanceClass(), result.level(),
                result.status(), result.sources(), result.variant(), result.displayName(), 1, null, List.of(), List.of(exchange),
                result.catalogueFile(), result.javaClass(), result.javaMethod());

        RunReport scrubbed = scrubber.scrub(SampleRuns.run(List.of(withExchange), null));

        Exchange out = scrubbed.cases().get(0).exchanges().get(0);
        assertThat(out.requestHeaders().get("x-ms-copy-source-authorization")).containsExactly("<scrubbed>");
        assertThat(out.requestHeaders().get("x-ms-version")).containsExactly("2025-05-05");
        assertThat(scrubbed.effectiveConfig().get("key")).isEqualTo("<scrubbed>");
        assertThat(scrubbed.effectiveConfig().get("connectionString")).isEqualTo("<scrubbed>");
        assertThat(scrubbed.effectiveConfig().get("endpoint")).isEqualTo(SampleRuns.ENDPOINT);
    }
}
