package io.handlestck.kit.run;

import io.handlestck.kit.preflight.Preflight;
import io.handlestck.kit.result.CaseResult;

/**
 * Progress of a run, for the CLI's progress lines. Calls come from the runner's worker threads, one
 * at a time.
 */
public interface RunListener {

    /** Does nothing; for callers that only want the final report. */
    RunListener SILENT = new RunListener() {
    };

    /** What probing the target found; comes before {@link #planned}. */
    default void preflight(Preflight preflight) {
    }

    /** How many catalogue entries the run will execute; each produces one result per variant. */
    default void planned(int entries) {
    }

    /** Something the user must know before the results, in one line (an SMB endpoint that refused the kit). */
    default void notice(String line) {
    }

    /**
     * How many entries and results the run will execute.
     *
     * @param results the number of results the case methods declare (one per variant), or 0 when unknown
     */
    default void planned(int entries, int results) {
        planned(entries);
    }

    /**
     * One case variant finished.
     *
     * @param index 1-based count of results so far
     * @param total the planned result count (the planned entry count when the variants could not be counted),
     *              or {@code index} once results outnumber the plan
     */
    default void caseFinished(int index, int total, CaseResult result) {
    }
}
