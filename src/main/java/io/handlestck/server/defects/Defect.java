package io.handlestck.server.defects;

import java.util.List;

/**
 * One named, realistic way for the server to misbehave, switched on with {@code serve --defect NAME}.
 * Each defect names the kit cases that must catch it; the meta-tests check exactly those.
 *
 * <p>Every defect is a bug an emulator author could plausibly ship, and each one is switched on at
 * the exact spot in the operation code that it corrupts: the rest of the server keeps behaving like
 * the real service, so a kit case that catches a defect catches that bug and nothing else.
 */
public enum Defect {
    RECURSION_IGNORED("x-ms-recursive is ignored: a recursive close or list only touches the directory itself",
            "FCH-004", "FCH-005", "HS-002", "HS-005", "LH-005", "NM-004"),
    NON_RECURSIVE_INCLUDES_CHILDREN("a non-recursive close or list of a directory also touches the handles of its descendants",
            "FCH-003", "LH-004"),
    RECURSIVE_ON_FILE_ACCEPTED("x-ms-recursive on a file is accepted with 200 instead of refused with 400", "FCH-013"),
    WILDCARD_CLOSES_ONE("x-ms-handle-id '*' closes only the first open handle of the scope",
            "AR-002", "FCH-002", "FCH-003", "FCH-004", "FCH-005", "FCH-016", "FCH-017", "FCH-018", "FCH-019",
            "HS-002", "HS-003", "HS-004", "HS-006", "HS-008", "NM-004"),
    CLOSED_COUNT_OFF_BY_ONE("x-ms-number-of-handles-closed reports one more than the handles actually closed",
            "AR-002", "FCH-001", "FCH-002", "FCH-003", "FCH-004", "FCH-005", "FCH-006", "FCH-007", "FCH-008",
            "FCH-014", "FCH-015", "FCH-016", "FCH-017", "FCH-018", "FCH-019", "FCH-023", "HS-001", "HS-002",
            "HS-003", "HS-004", "HS-005", "HS-006", "HS-007", "HS-008", "NM-001", "NM-002", "NM-003", "NM-004",
            "NM-005", "NM-007", "NM-008", "PRO-016", "PRO-020"),
    FAILED_COUNT_MISSING("x-ms-number-of-handles-failed is never sent, even from version 2019-07-07",
            "AR-002", "FCH-007", "FCH-014"),
    FORCE_CLOSE_MARKER_MISSING("a paged force close stops after one page without returning x-ms-marker",
            "FCH-016", "FCH-017"),
    MARKER_SKIPS("the next marker points one handle too far, so paging skips a handle",
            "FCH-016", "FCH-017", "LH-018", "LH-021", "LH-022", "LH-030"),
    MARKER_REPEATS("the next marker points at the last handle already returned, so paging repeats it",
            "LH-018", "LH-019", "LH-021", "LH-022", "LH-030"),
    MARKER_NOT_VALIDATED("a malformed marker is treated as 'start from the beginning' instead of refused with 400",
            "FCH-024", "LH-031", "PRO-022"),
    SNAPSHOT_SCOPE_IGNORED("sharesnapshot is ignored by the handle operations: they act on the live share's handles",
            "FCH-018", "FCH-019", "FCH-022", "LH-025", "LH-028", "PRO-022"),
    CLIENT_REQUEST_ID_NOT_ECHOED("x-ms-client-request-id is never echoed in the response",
            "AR-001", "PRO-001", "PRO-003"),
    CLIENT_REQUEST_ID_NOT_LIMITED("x-ms-client-request-id is echoed even when longer than 1024 characters",
            "AR-001", "PRO-003"),
    REQUEST_ID_REUSED("every response carries the same x-ms-request-id",
            "AR-001", "AR-002", "AR-003", "FCH-001", "FCH-002", "FCH-003", "FCH-004", "FCH-005", "FCH-006",
            "FCH-007", "FCH-008", "FCH-009", "FCH-010", "FCH-011", "FCH-012", "FCH-013", "FCH-014", "FCH-015",
            "FCH-016", "FCH-017", "FCH-018", "FCH-019", "FCH-020", "FCH-021", "FCH-022", "FCH-023", "FCH-024",
            "HS-001", "HS-002", "HS-003", "HS-004", "HS-005", "HS-006", "HS-007", "HS-008", "LH-001", "LH-002",
            "LH-003", "LH-004", "LH-005", "LH-006", "LH-007", "LH-008", "LH-009", "LH-010", "LH-011", "LH-012",
            "LH-013", "LH-014", "LH-015", "LH-016", "LH-017", "LH-018", "LH-019", "LH-020", "LH-021", "LH-022",
            "LH-023", "LH-024", "LH-025", "LH-026", "LH-027", "LH-028", "LH-029", "LH-030", "LH-031", "NM-001",
            "NM-002", "NM-003", "NM-004", "NM-005", "NM-006", "NM-007", "NM-008", "PRO-001", "PRO-002", "PRO-003",
            "PRO-004", "PRO-005", "PRO-006", "PRO-007", "PRO-008", "PRO-009", "PRO-010", "PRO-011", "PRO-012",
            "PRO-013", "PRO-014", "PRO-015", "PRO-016", "PRO-017", "PRO-018", "PRO-019", "PRO-020", "PRO-021",
            "PRO-022"),
    HANDLE_LIST_ELEMENT("List Handles wraps the handles in <HandleList> (the documentation sample) instead of <Entries>",
            "AR-002", "AR-003", "FCH-001", "FCH-002", "FCH-003", "FCH-004", "FCH-005", "FCH-006", "FCH-009",
            "FCH-011", "FCH-013", "FCH-016", "FCH-017", "FCH-018", "FCH-019", "FCH-023", "FCH-024", "HS-007",
            "LH-001", "LH-002", "LH-003", "LH-004", "LH-005", "LH-006", "LH-007", "LH-009", "LH-010", "LH-011",
            "LH-012", "LH-013", "LH-014", "LH-015", "LH-016", "LH-017", "LH-018", "LH-019", "LH-020", "LH-021",
            "LH-022", "LH-024", "LH-025", "LH-030", "NM-001", "NM-002", "NM-003", "NM-004", "NM-005", "NM-006",
            "NM-007", "NM-008", "PRO-010", "PRO-011", "PRO-012", "PRO-013", "PRO-014", "PRO-015", "PRO-016", "PRO-018"),
    NEXT_MARKER_OMITTED("List Handles leaves out the empty <NextMarker /> element on the last page",
            "LH-002", "LH-003", "LH-009", "LH-020", "LH-021", "LH-022", "NM-006"),
    HANDLE_ELEMENT_ORDER("List Handles writes ClientIp before SessionId inside <Handle>",
            "LH-007", "LH-009", "LH-021", "NM-006"),
    OPEN_TIME_ISO8601("List Handles writes OpenTime in ISO-8601 instead of RFC 1123",
            "AR-002", "AR-003", "FCH-001", "FCH-002", "FCH-003", "FCH-004", "FCH-006", "FCH-009", "FCH-011",
            "FCH-013", "FCH-017", "FCH-018", "FCH-019", "FCH-023", "FCH-024", "HS-007", "LH-001", "LH-004", "LH-005",
            "LH-006", "LH-007", "LH-009", "LH-010", "LH-011", "LH-012", "LH-013", "LH-014", "LH-015", "LH-016",
            "LH-017", "LH-018", "LH-019", "LH-021", "LH-022", "LH-024", "LH-025", "LH-030", "NM-001", "NM-002",
            "NM-003", "NM-004", "NM-005", "NM-006", "NM-007", "NM-008", "PRO-010", "PRO-011", "PRO-012", "PRO-013",
            "PRO-014", "PRO-015", "PRO-016", "PRO-018"),
    VERSION_GATING_IGNORED("AccessRightList and ClientName are written for every x-ms-version",
            "FCH-014", "LH-009", "LH-010", "LH-011", "LH-021", "NM-006"),
    UNKNOWN_VERSION_ACCEPTED("an unknown x-ms-version, or one older than the handle operations, is accepted",
            "PRO-017", "PRO-018", "PRO-022"),
    MISSING_HANDLE_ID_ACCEPTED("a missing x-ms-handle-id is treated as '*' instead of refused with 400",
            "FCH-011", "FCH-012"),
    MALFORMED_ID_ACCEPTED("a non-numeric x-ms-handle-id answers 200 with 0 closed instead of 400 InvalidHeaderValue",
            "FCH-009", "FCH-010", "PRO-008", "PRO-009", "PRO-022"),
    UNKNOWN_ID_NOT_FOUND("a well-formed but unknown x-ms-handle-id answers 404 instead of 200 with 0 closed",
            "FCH-006", "FCH-007", "FCH-014"),
    MAXRESULTS_IGNORED("maxresults is ignored: every List Handles page holds up to 5000 handles",
            "LH-019", "LH-021", "LH-022", "LH-030"),
    MAXRESULTS_ZERO_ACCEPTED("maxresults=0 or a negative value is accepted instead of refused with 400",
            "LH-023", "PRO-008", "PRO-009", "PRO-022"),
    NO_BOM("XML bodies (List Handles and errors) are sent without the UTF-8 byte order mark", "LH-008", "PRO-009"),
    PATH_WITH_LEADING_SLASH("the Path of a handle starts with '/' instead of being relative to the share root",
            "LH-001", "LH-005", "LH-006", "LH-009", "LH-016", "LH-021", "NM-001", "NM-002", "NM-003", "NM-004",
            "NM-005", "NM-006", "NM-007", "NM-008"),
    PATH_NOT_ENCODED("a Path with characters XML cannot carry is written raw, without Encoded=\"true\"", "NM-006"),
    FORCE_CLOSE_INVISIBLE_TO_CLIENT("a force-closed handle still looks open to its SMB client (fixture state stays 'open')",
            "HS-001", "HS-002"),
    CLOSED_HANDLES_LISTED("force-closed handles are still listed by List Handles",
            "AR-002", "FCH-001", "FCH-002", "FCH-003", "FCH-004", "FCH-005", "FCH-016", "FCH-017", "FCH-018",
            "FCH-019", "FCH-023", "NM-001", "NM-002", "NM-003", "NM-004", "NM-005"),
    OPEN_HANDLES_DO_NOT_BLOCK_DELETE("deleting or renaming a file or directory with open handles succeeds instead of 409 SharingViolation",
            "HS-003", "HS-004", "HS-005", "HS-006"),
    SIGNATURE_NOT_CHECKED("the SharedKey signature is not verified: any signature of a known account is accepted",
            "PRO-008", "PRO-009", "PRO-010", "PRO-011"),
    STALE_DATE_ACCEPTED("a request dated more than 15 minutes away from the server clock is accepted", "PRO-012"),
    SAS_ACCEPTED("a SAS-authorized request (query 'sig=') is accepted for the owner-only handle operations", "PRO-014"),
    ERROR_CODE_HEADER_MISSING("error responses carry no x-ms-error-code header",
            "FCH-009", "FCH-010", "FCH-011", "FCH-012", "FCH-013", "FCH-020", "FCH-021", "FCH-022", "FCH-024",
            "LH-023", "LH-026", "LH-027", "LH-028", "LH-031", "PRO-001", "PRO-002", "PRO-004", "PRO-005", "PRO-007",
            "PRO-008", "PRO-009", "PRO-010", "PRO-011", "PRO-012", "PRO-013", "PRO-014", "PRO-015", "PRO-017",
            "PRO-018", "PRO-019", "PRO-021", "PRO-022"),
    SHARE_NOT_FOUND_AS_RESOURCE_NOT_FOUND("a missing share answers 404 ResourceNotFound instead of ShareNotFound",
            "FCH-021", "LH-027"),
    MISSING_PATH_AS_PARENT_NOT_FOUND("a missing file or directory under the handle operations answers 404 ParentNotFound instead of ResourceNotFound",
            "FCH-020", "LH-026"),
    LISTING_CONTENT_TYPE_TEXT("List Handles is sent as Content-Type text/plain instead of application/xml", "LH-029"),
    DATE_ISO8601("the Date response header is ISO-8601 instead of RFC 1123",
            "AR-001", "AR-002", "AR-003", "FCH-001", "FCH-002", "FCH-003", "FCH-004", "FCH-005", "FCH-006",
            "FCH-007", "FCH-008", "FCH-009", "FCH-010", "FCH-011", "FCH-012", "FCH-013", "FCH-014", "FCH-015",
            "FCH-016", "FCH-017", "FCH-018", "FCH-019", "FCH-020", "FCH-021", "FCH-022", "FCH-023", "FCH-024",
            "HS-001", "HS-002", "HS-003", "HS-004", "HS-005", "HS-006", "HS-007", "HS-008", "LH-001", "LH-002",
            "LH-003", "LH-004", "LH-005", "LH-006", "LH-007", "LH-008", "LH-009", "LH-010", "LH-011", "LH-012",
            "LH-013", "LH-014", "LH-015", "LH-016", "LH-017", "LH-018", "LH-019", "LH-020", "LH-021", "LH-022",
            "LH-023", "LH-024", "LH-025", "LH-026", "LH-027", "LH-028", "LH-029", "LH-030", "LH-031", "NM-001",
            "NM-002", "NM-003", "NM-004", "NM-005", "NM-006", "NM-007", "NM-008", "PRO-001", "PRO-002", "PRO-003",
            "PRO-004", "PRO-005", "PRO-006", "PRO-007", "PRO-008", "PRO-009", "PRO-010", "PRO-011", "PRO-012",
            "PRO-013", "PRO-014", "PRO-015", "PRO-016", "PRO-017", "PRO-018", "PRO-019", "PRO-020", "PRO-021",
            "PRO-022"),
    VERSION_ECHO_FIXED("x-ms-version always echoes the server's newest version instead of the one asked for",
            "AR-001", "AR-002", "AR-003", "FCH-001", "FCH-002", "FCH-003", "FCH-004", "FCH-005", "FCH-006",
            "FCH-007", "FCH-008", "FCH-009", "FCH-010", "FCH-011", "FCH-012", "FCH-013", "FCH-014", "FCH-015",
            "FCH-016", "FCH-017", "FCH-018", "FCH-019", "FCH-020", "FCH-021", "FCH-022", "FCH-023", "FCH-024",
            "HS-001", "HS-002", "HS-003", "HS-004", "HS-005", "HS-006", "HS-007", "HS-008", "LH-001", "LH-002",
            "LH-003", "LH-004", "LH-005", "LH-006", "LH-007", "LH-008", "LH-009", "LH-010", "LH-011", "LH-012",
            "LH-013", "LH-014", "LH-015", "LH-016", "LH-017", "LH-018", "LH-019", "LH-020", "LH-021", "LH-022",
            "LH-023", "LH-024", "LH-025", "LH-026", "LH-027", "LH-028", "LH-029", "LH-030", "LH-031", "NM-001",
            "NM-002", "NM-003", "NM-004", "NM-005", "NM-006", "NM-007", "NM-008", "PRO-001", "PRO-002", "PRO-003",
            "PRO-004", "PRO-005", "PRO-006", "PRO-007", "PRO-008", "PRO-009", "PRO-010", "PRO-011", "PRO-012",
            "PRO-013", "PRO-014", "PRO-015", "PRO-016", "PRO-017", "PRO-018", "PRO-020", "PRO-021", "PRO-022"),
    MISSING_VERSION_ACCEPTED("a request without x-ms-version is served as the newest version instead of refused with 400", "PRO-019"),
    NEGATIVE_TIMEOUT_ACCEPTED("a negative or non-numeric timeout is ignored instead of refused with 400", "PRO-021", "PRO-022"),
    CLIENT_REQUEST_ID_INVENTED("x-ms-client-request-id is sent (a copy of x-ms-request-id) even when the request had none", "PRO-002");

    private final String description;
    private final List<String> caughtBy;

    Defect(String description, String... caughtBy) {
        this.description = description;
        this.caughtBy = List.of(caughtBy);
    }

    public String description() {
        return description;
    }

    /** The kit case ids that must report FAIL or WARN when this defect is on. */
    public List<String> caughtBy() {
        return caughtBy;
    }
}
