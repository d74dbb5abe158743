package io.handlestck.report;

import io.handlestck.kit.preflight.Preflight;
import java.util.LinkedHashMap;
import java.util.Map;

/** The preflight's finding as every output states it: first line of the terminal and of each report. */
public final class PreflightText {

    /** The {@code junit.xml} property that carries the finding. */
    public static final String FINDING_PROPERTY = "handlestck.preflight.finding";
    /** The {@code junit.xml} property that says whether the preflight found the target usable. */
    public static final String OK_PROPERTY = "handlestck.preflight.ok";

    private PreflightText() {
    }

    /** {@code Preflight PROBLEM: this endpoint does not implement …}, or {@code Preflight OK: …}. */
    public static String line(Preflight preflight) {
        if (preflight == null) {
            return "Preflight: not run";
        }
        return "Preflight " + (preflight.ok() ? "OK" : "PROBLEM") + ": " + preflight.finding();
    }

    static Map<String, String> junitProperties(Preflight preflight) {
        if (preflight == null) {
            return Map.of();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(OK_PROPERTY, Boolean.toString(preflight.ok()));
        properties.put(FINDING_PROPERTY, preflight.finding());
        return properties;
    }
}
