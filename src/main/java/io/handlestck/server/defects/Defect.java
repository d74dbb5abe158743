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
    RECURSION_IGNORED("x-ms-recursive is ignored: a recursive close or list only touches the directory itself"),
    NON_RECURSIVE_INCLUDES_CHILDREN("a non-recursive close or list of a directory also touches the handles of its descendants"),
    RECURSIVE_ON_FILE_ACCEPTED("x-ms-recursive on a file is accepted with 200 instead of refused with 400"),
    WILDCARD_CLOSES_ONE("x-ms-handle-id '*' closes only the first open handle of the scope"),
    CLOSED_COUNT_OFF_BY_ONE("x-ms-number-of-handles-closed reports one more than the handles actually closed"),
    FAILED_COUNT_MISSING("x-ms-number-of-handles-failed is never sent, even from version 2019-07-07"),
    FORCE_CLOSE_MARKER_MISSING("a paged force close stops after one page without returning x-ms-marker"),
    MARKER_SKIPS("the next marker points one handle too far, so paging skips a handle"),
    MARKER_REPEATS("the next marker points at the last handle already returned, so paging repeats it"),
    MARKER_NOT_VALIDATED("a malformed marker is treated as 'start from the beginning' instead of refused with 400"),
    SNAPSHOT_SCOPE_IGNORED("sharesnapshot is ignored by the handle operations: they act on the live share's handles"),
    CLIENT_REQUEST_ID_NOT_ECHOED("x-ms-client-request-id is never echoed in the response"),
    CLIENT_REQUEST_ID_NOT_LIMITED("x-ms-client-request-id is echoed even when longer than 1024 characters"),
    REQUEST_ID_REUSED("every response carries the same x-ms-request-id"),
    HANDLE_LIST_ELEMENT("List Handles wraps the handles in <HandleList> (the documentation sample) instead of <Entries>"),
    NEXT_MARKER_OMITTED("List Handles leaves out the empty <NextMarker /> element on the last page"),
    HANDLE_ELEMENT_ORDER("List Handles writes ClientIp before SessionId inside <Handle>"),
    OPEN_TIME_ISO8601("List Handles writes OpenTime in ISO-8601 instead of RFC 1123"),
    VERSION_GATING_IGNORED("AccessRightList and ClientName are written for every x-ms-version"),
    UNKNOWN_VERSION_ACCEPTED("an unknown x-ms-version, or one older than the handle operations, is accepted"),
    MISSING_HANDLE_ID_ACCEPTED("a missing x-ms-handle-id is treated as '*' instead of refused with 400"),
    MALFORMED_ID_ACCEPTED("a non-numeric x-ms-handle-id answers 200 with 0 closed instead of 400 InvalidHeaderValue"),
    UNKNOWN_ID_NOT_FOUND("a well-formed but unknown x-ms-handle-id answers 404 instead of 200 with 0 closed"),
    MAXRESULTS_IGNORED("maxresults is ignored: every List Handles page holds up to 5000 handles"),
    MAXRESULTS_ZERO_ACCEPTED("maxresults=0 or a negative value is accepted instead of refused with 400"),
    NO_BOM("XML bodies (List Handles and errors) are sent without the UTF-8 byte order mark"),
    PATH_WITH_LEADING_SLASH("the Path of a handle starts with '/' instead of being relative to the share root"),
    PATH_NOT_ENCODED("a Path with characters XML cannot carry is written raw, without Encoded=\"true\""),
    FORCE_CLOSE_INVISIBLE_TO_CLIENT("a force-closed handle still looks open to its SMB client (fixture state stays 'open')"),
    CLOSED_HANDLES_LISTED("force-closed handles are still listed by List Handles"),
    OPEN_HANDLES_DO_NOT_BLOCK_DELETE("deleting or renaming a file or directory with open handles succeeds instead of 409 SharingViolation"),
    SIGNATURE_NOT_CHECKED("the SharedKey signature is not verified: any signature of a known account is accepted"),
    STALE_DATE_ACCEPTED("a request dated more than 15 minutes away from the server clock is accepted"),
    SAS_ACCEPTED("a SAS-authorized request (query 'sig=') is accepted for the owner-only handle operations"),
    ERROR_CODE_HEADER_MISSING("error responses carry no x-ms-error-code header"),
    SHARE_NOT_FOUND_AS_RESOURCE_NOT_FOUND("a missing share answers 404 ResourceNotFound instead of ShareNotFound");

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
