package io.handlestck.kit.preflight;

import java.util.List;

/**
 * What the kit found when it probed the target once, before the cases: whether the target serves the
 * Azure Files REST API at all, and the one-line finding every report opens with. When it does not, the
 * cases still run, and the results that failed for this cause point here instead of repeating it.
 *
 * @param ok      the target answered Create Share and List Handles as a File service does
 * @param finding one line for a person: what is wrong and what to check, or what the target offers
 * @param checks  one line per probe, in order: reachability, TLS, authentication, Create Share, List
 *                Handles, the fixture protocol, SMB, the {@code Server} header
 * @param cause   the failed operation and its answer, as case messages quote it; null when ok or when
 *                the target could not be reached at all
 */
public record Preflight(boolean ok, String finding, List<String> checks, Cause cause) {

    /** Where a case's own message stood, once it is known to be the preflight's cause. */
    public static final String POINTER = "failed for the preflight's cause (see the preflight finding at the top)";

    public Preflight {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /**
     * An operation the target refused, and how: case messages that quote both failed for the same reason.
     *
     * @param operation as case messages name it, e.g. {@code Create Share}
     * @param answer    status and error code, e.g. {@code 400 InvalidQueryParameterValue}
     */
    public record Cause(String operation, String answer) {

        /** True when a case's message reports this operation getting this answer. */
        public boolean explains(String message) {
            return message != null && message.contains(operation) && message.contains("answered " + answer);
        }
    }

    /** The probe could not run: there was no target to probe (the embedded server did not start). */
    public static Preflight notRun(String why) {
        return new Preflight(false, "the target was not probed: " + why, List.of(), null);
    }
}
