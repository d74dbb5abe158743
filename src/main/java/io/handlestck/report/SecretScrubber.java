package io.handlestck.report;

import io.handlestck.kit.client.Scrubber;
import io.handlestck.kit.preflight.Preflight;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Exchange;
import io.handlestck.kit.result.RunReport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from a whole run before it is written anywhere. The kit already scrubs what it
 * records (with {@link Scrubber}, which this class applies again); the writers scrub a second time
 * because a report is published, and one leaked key in a pull request is one too many: a header the
 * recorder did not know, a key echoed in an error body, a connection string pasted into a failure
 * message, a signature quoted back by a target's authentication error.
 *
 * <p>On top of {@link Scrubber} (Authorization signatures and bearer tokens, SAS {@code sig=},
 * {@code AccountKey=}, JSON Web Tokens, literal keys and tokens) this removes: the URL-encoded form of each key, the value of every header whose name
 * says it is secret, SharedKey signatures and signatures quoted back inside free text, and
 * configuration values whose name says they are secret.
 */
public final class SecretScrubber {

    /** What a removed secret is replaced with: the kit's own mark, so all reports read alike. */
    public static final String MARK = Scrubber.MARK;

    private static final Pattern SHARED_KEY_SIGNATURE =
            Pattern.compile("(?i)(SharedKey(?:Lite)?\\s+[^:\\s\"'<>]+:)[A-Za-z0-9+/=]+");
    /** Azure-style authentication errors quote the signature they received. */
    private static final Pattern QUOTED_SIGNATURE =
            Pattern.compile("(?i)(signature found in the HTTP request ')[^']+");
    /** Header and setting names whose values are secrets whatever they contain. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(authorization|accountkey|connectionstring|password|secret|signature|token|^key$|sas).*");

    private final Scrubber kitScrubber;
    private final Map<String, Boolean> secretNames = new ConcurrentHashMap<>();

    /** @param knownSecrets literal secrets to remove wherever they appear (null and short values are ignored) */
    public SecretScrubber(Collection<String> knownSecrets) {
        List<String> secrets = new ArrayList<>();
        for (String secret : knownSecrets) {
            if (secret != null) {
                secrets.add(secret);
                secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            }
        }
        this.kitScrubber = new Scrubber(secrets);
    }

    /** The same run with every secret this scrubber knows of removed. */
    public RunReport scrub(RunReport report) {
        List<CaseResult> cases = report.cases() == null ? List.of()
                : report.cases().stream().map(this::scrub).toList();
        return new RunReport(report.kitVersion(), report.kitJarSha256(), report.runId(), report.startedAt(),
                report.endedAt(), report.target(), scrubSettings(report.effectiveConfig()), report.xMsVersion(),
                report.summary(), cases, text(report.error()), scrub(report.preflight()));
    }

    private Preflight scrub(Preflight preflight) {
        if (preflight == null) {
            return null;
        }
        Preflight.Cause cause = preflight.cause() == null ? null
                : new Preflight.Cause(text(preflight.cause().operation()), text(preflight.cause().answer()));
        return new Preflight(preflight.ok(), text(preflight.finding()), preflight.checks().stream().map(this::text).toList(),
                cause);
    }

    private CaseResult scrub(CaseResult result) {
        List<Exchange> exchanges = result.exchanges() == null ? List.of()
                : result.exchanges().stream().map(this::scrub).toList();
        List<String> cleanup = result.cleanupProblems() == null ? List.of()
                : result.cleanupProblems().stream().map(this::text).toList();
        return new CaseResult(result.id(), result.title(), result.conformanceClass(), result.level(),
                result.status(), result.sources(), result.variant(), result.displayName(), result.durationMillis(),
                text(result.message()), cleanup, exchanges, result.catalogueFile(), result.javaClass(),
                result.javaMethod(), result.xMsVersion());
    }

    private Exchange scrub(Exchange exchange) {
        return new Exchange(exchange.method(), text(exchange.url()), headers(exchange.requestHeaders()),
                text(exchange.requestBody()), exchange.status(), headers(exchange.responseHeaders()),
                text(exchange.responseBody()), exchange.durationMillis());
    }

    private Map<String, List<String>> headers(Map<String, List<String>> headers) {
        if (headers == null) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, values == null ? List.of()
                : values.stream().map(value -> isSecretName(name)
                        // Scrubbed as an Authorization header: the scheme and account stay readable.
                        ? kitScrubber.header("Authorization", value) : text(value)).toList()));
        return out;
    }

    private Map<String, Object> scrubSettings(Map<String, Object> settings) {
        if (settings == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((name, value) -> out.put(name, scrubSetting(name, value)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object scrubSetting(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> nested) {
            // Nested maps are metadata about settings (such as where each came from), not their values.
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) nested).forEach((key, inner) -> out.put(key, inner instanceof String string ? text(string) : inner));
            return out;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(item -> scrubSetting(name, item)).toList();
        }
        if (value instanceof String string) {
            return isSecretName(name) && !string.startsWith("<") ? MARK : text(string);
        }
        return value;
    }

    /** Any free text: known secrets, SAS signatures, account keys and signatures go. */
    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = kitScrubber.text(text);
        // Each pattern needs its punctuation; most recorded text has none, and a run has thousands of texts.
        if (out.indexOf(':') >= 0) {
            out = SHARED_KEY_SIGNATURE.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
        }
        if (out.indexOf('\'') >= 0) {
            out = QUOTED_SIGNATURE.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
        }
        return out;
    }

    private boolean isSecretName(String name) {
        // A run repeats the same few header names thousands of times.
        return secretNames.computeIfAbsent(Objects.requireNonNullElse(name, ""),
                key -> SECRET_NAME.matcher(key.toLowerCase(Locale.ROOT)).matches());
    }
}
