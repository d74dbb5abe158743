package io.handlestck.report;

import io.handlestck.kit.result.Status;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code run --fail-on LEVEL}: statuses that fail a run on top of the default rule (a required FAIL, an
 * ERROR), for CI gates that also want no WARN or no NOT_IMPLEMENTED. Empty by default, so that the
 * default exit code stays as it is.
 */
public final class FailOn {

    /** The names {@code --fail-on} takes, and the status each one adds. */
    public static final Map<String, Status> NAMES = names();

    private FailOn() {
    }

    /**
     * @throws IllegalArgumentException naming the unknown value and the known ones
     */
    public static Set<Status> parse(Collection<String> values) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (String value : values) {
            Status status = NAMES.get(value.trim().toLowerCase(Locale.ROOT));
            if (status == null) {
                throw new IllegalArgumentException("--fail-on takes " + String.join(", ", NAMES.keySet())
                        + ", not '" + value + "'");
            }
            statuses.add(status);
        }
        return statuses;
    }

    private static Map<String, Status> names() {
        Map<String, Status> names = new LinkedHashMap<>();
        names.put("warn", Status.WARN);
        names.put("not-implemented", Status.NOT_IMPLEMENTED);
        names.put("could-not-test", Status.COULD_NOT_TEST);
        names.put("fail", Status.FAIL); // a FAIL at any level, an optional feature's wrong answer included
        return Collections.unmodifiableMap(names);
    }
}
