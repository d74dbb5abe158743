package io.handlestck.kit.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The verdict of one case invocation (one variant of one catalogue entry) on one target.
 *
 * @param id               the catalogue id, e.g. {@code FCH-001}
 * @param conformanceClass the catalogue file it comes from, e.g. {@code force-close-handles}
 * @param variant          the parameter set, e.g. {@code file depth=2}; empty for a case without variants
 * @param displayName      unique within a run; carries id, variant and target
 * @param message          why the status is not PASS; on PASS which of the outcomes the catalogue accepts
 *                         the target chose ({@link io.handlestck.kit.CaseContext#recordOutcome}), usually null
 * @param cleanupProblems  what could not be cleaned up afterwards; reported beside the verdict, never as it
 * @param catalogueFile    where the entry is written, e.g. {@code suites/force-close-handles.yaml}
 * @param javaClass        the class of the case method, e.g. {@code io.handlestck.kit.cases.ForceCloseHandlesCases};
 *                         null when no method carries the id
 * @param javaMethod       the case method's name, e.g. {@code singleIdClosesOnlyThatHandle}; null when no
 *                         method carries the id
 * @param xMsVersion       the x-ms-version the case ran at; null in reports of kits that did not record it
 */
@JsonPropertyOrder({"id", "title", "conformanceClass", "catalogueFile", "javaClass", "javaMethod", "level", "status"})
public record CaseResult(String id, String title, String conformanceClass, Level level, Status status,
                         List<Source> sources, String variant, String displayName, long durationMillis,
                         String message, List<String> cleanupProblems, List<Exchange> exchanges,
                         String catalogueFile, String javaClass, String javaMethod, String xMsVersion) {

    /** A result whose version the run adds afterwards ({@link #atVersion}). */
    public CaseResult(String id, String title, String conformanceClass, Level level, Status status,
                      List<Source> sources, String variant, String displayName, long durationMillis,
                      String message, List<String> cleanupProblems, List<Exchange> exchanges,
                      String catalogueFile, String javaClass, String javaMethod) {
        this(id, title, conformanceClass, level, status, sources, variant, displayName, durationMillis, message,
                cleanupProblems, exchanges, catalogueFile, javaClass, javaMethod, null);
    }

    /** The same result, recorded as run at {@code version}. */
    public CaseResult atVersion(String version) {
        return new CaseResult(id, title, conformanceClass, level, status, sources, variant, displayName,
                durationMillis, message, cleanupProblems, exchanges, catalogueFile, javaClass, javaMethod, version);
    }

    /** The same result with another message. */
    public CaseResult withMessage(String newMessage) {
        return new CaseResult(id, title, conformanceClass, level, status, sources, variant, displayName,
                durationMillis, newMessage, cleanupProblems, exchanges, catalogueFile, javaClass, javaMethod, xMsVersion);
    }
}
