package io.handlestck.kit.result;

import io.handlestck.kit.preflight.Preflight;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of the kit produced; the report writers render it and {@code compare} reads it
 * back from {@code report.json}. A run always produces one, even when the target is unreachable or
 * the kit itself crashed: then {@link #error} says why and the affected cases are {@link Status#ERROR}.
 *
 * @param kitJarSha256    SHA-256 of the jar the kit ran from, or null when not run from a jar
 * @param effectiveConfig the resolved configuration with every secret removed
 * @param summary         count per status, over all cases
 * @param xMsVersion      the x-ms-version under test; a comma-separated list when the run covered several
 * @param error           why the run as a whole broke, or null
 * @param preflight       what probing the target before the cases found; null in reports of kits that did not probe
 */
public record RunReport(String kitVersion, String kitJarSha256, String runId, Instant startedAt, Instant endedAt,
                        TargetInfo target, Map<String, Object> effectiveConfig, String xMsVersion,
                        Map<Status, Integer> summary, List<CaseResult> cases, String error, Preflight preflight) {

    /** A report without a preflight: a run that broke before the target could be probed. */
    public RunReport(String kitVersion, String kitJarSha256, String runId, Instant startedAt, Instant endedAt,
                     TargetInfo target, Map<String, Object> effectiveConfig, String xMsVersion,
                     Map<Status, Integer> summary, List<CaseResult> cases, String error) {
        this(kitVersion, kitJarSha256, runId, startedAt, endedAt, target, effectiveConfig, xMsVersion, summary, cases,
                error, null);
    }
}
