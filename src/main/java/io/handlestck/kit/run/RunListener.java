package io.handlestck.kit.run;

import io.handlestck.kit.result.CaseResult;

/**
 * Progress of a run, for the CLI's progress lines. Calls come from the runner's worker threads, one
 * at a time.
 */
public interface RunListener {

    /** Does nothing; for callers that only want the final report. */
    RunListener SILENT = new RunListener() {
    };

    /** How many catalogue entries the run will execute; each produces one result per variant. */
    default void planned(int entries) {
    }

    /** Something the user must know before the results, in one line (an SMB endpoint that refused the kit). */
    default void notice(String line) {
    }

    /**
     * One case variant finished.
     *
     * @param index 1-based count of results so far
     * @param total the planned entry count, or {@code index} once variants outnumber the entries
     */
    default void caseFinished(int index, int total, CaseResult result) {
    }
}
