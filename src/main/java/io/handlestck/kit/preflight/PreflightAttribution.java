package io.handlestck.kit.preflight;

import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Status;
import java.util.List;
import java.util.Set;

/**
 * Points the results that failed for the preflight's cause at the preflight, so that a report of a
 * target that is not a File service says so once, at the top, instead of in every one of hundreds of
 * rows. Only results that did not pass and whose message is the preflight's cause are rewritten;
 * every other result keeps its own message.
 */
public final class PreflightAttribution {

    private static final Set<Status> NOT_PASSED = Set.of(Status.FAIL, Status.WARN, Status.ERROR, Status.COULD_NOT_TEST,
            Status.NOT_IMPLEMENTED);

    private PreflightAttribution() {
    }

    /**
     * @param runError why the run as a whole broke (every result then carries it), or null
     */
    public static List<CaseResult> apply(Preflight preflight, String runError, List<CaseResult> results) {
        if (preflight == null || preflight.ok()) {
            return results;
        }
        return results.stream().map(result -> explained(preflight, runError, result)
                ? result.withMessage(Preflight.POINTER) : result).toList();
    }

    private static boolean explained(Preflight preflight, String runError, CaseResult result) {
        if (!NOT_PASSED.contains(result.status()) || result.message() == null) {
            return false;
        }
        if (runError != null && result.message().equals(runError)) {
            return true;
        }
        return preflight.cause() != null && preflight.cause().explains(result.message());
    }
}
