package io.handlestck.server.defects;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * One named, realistic way for the server to misbehave, switched on with {@code serve --defect NAME}:
 * a bug an emulator author could plausibly ship. Each defect is one small {@link Fault} class named
 * after it ({@code MARKER_SKIPS} is {@link MarkerSkips}) that acts at one seam: it rewrites the
 * request before the operation, a refusal or the answer after it, or swaps one strategy an
 * operation takes. The server's domain code never knows which defects are on.
 *
 * <p>Which kit cases must catch which defect is the kit's business: its tests hold that table.
 */
public enum Defect {
    RECURSION_IGNORED("x-ms-recursive is ignored: a recursive close or list only touches the directory itself",
            RecursionIgnored::new),
    NON_RECURSIVE_INCLUDES_CHILDREN("a non-recursive close or list of a directory also touches the handles of its descendants",
            NonRecursiveIncludesChildren::new),
    RECURSIVE_ON_FILE_ACCEPTED("x-ms-recursive on a file is accepted with 200 instead of refused with 400",
            RecursiveOnFileAccepted::new),
    WILDCARD_CLOSES_ONE("x-ms-handle-id '*' closes only the first open handle of the scope", WildcardClosesOne::new),
    ID_ELSEWHERE_COUNTED_AS_CLOSED("a handle id of another resource than the one addressed is reported closed, though it stays open",
            IdElsewhereCountedAsClosed::new),
    CLOSED_COUNT_OFF_BY_ONE("x-ms-number-of-handles-closed reports one more than the handles actually closed",
            ClosedCountOffByOne::new),
    FAILED_COUNT_MISSING("x-ms-number-of-handles-failed is never sent, even from version 2019-07-07",
            FailedCountMissing::new),
    FORCE_CLOSE_MARKER_MISSING("a paged force close stops after one page without returning x-ms-marker",
            ForceCloseMarkerMissing::new),
    MARKER_SKIPS("the next marker points one handle too far, so paging skips a handle", MarkerSkips::new),
    MARKER_REPEATS("the next marker points at the last handle already returned, so paging repeats it",
            MarkerRepeats::new),
    MARKER_NOT_VALIDATED("a malformed marker is treated as 'start from the beginning' instead of refused with 400",
            MarkerNotValidated::new),
    RECURSIVE_MARKER_LOSES_RECURSION("a recursive list or close resumed from a marker acts only on the directory's own handles",
            RecursiveMarkerLosesRecursion::new),
    RECURSIVE_LISTING_DROPS_SNAPSHOT("a recursive List Handles with sharesnapshot lists the live share's handles",
            RecursiveListingDropsSnapshot::new),
    SNAPSHOT_SCOPE_IGNORED("sharesnapshot is ignored by the handle operations: they act on the live share's handles",
            SnapshotScopeIgnored::new),
    CLIENT_REQUEST_ID_NOT_ECHOED("x-ms-client-request-id is never echoed in the response",
            ClientRequestIdNotEchoed::new),
    CLIENT_REQUEST_ID_NOT_LIMITED("x-ms-client-request-id is echoed even when longer than 1024 characters",
            ClientRequestIdNotLimited::new),
    REQUEST_ID_REUSED("every response carries the same x-ms-request-id", RequestIdReused::new),
    HANDLE_LIST_ELEMENT("List Handles wraps the handles in <HandleList> (the documentation sample) instead of <Entries>",
            HandleListElement::new),
    NEXT_MARKER_OMITTED("List Handles leaves out the empty <NextMarker /> element on the last page",
            NextMarkerOmitted::new),
    HANDLE_ELEMENT_ORDER("List Handles writes ClientIp before SessionId inside <Handle>", HandleElementOrder::new),
    OPEN_TIME_ISO8601("List Handles writes OpenTime in ISO-8601 instead of RFC 1123", OpenTimeIso8601::new),
    VERSION_GATING_IGNORED("AccessRightList and ClientName are written for every x-ms-version",
            VersionGatingIgnored::new),
    UNKNOWN_VERSION_ACCEPTED("an unknown x-ms-version, or one older than the handle operations, is accepted",
            UnknownVersionAccepted::new),
    MISSING_HANDLE_ID_ACCEPTED("a missing x-ms-handle-id is treated as '*' instead of refused with 400",
            MissingHandleIdAccepted::new),
    MALFORMED_ID_ACCEPTED("a non-numeric x-ms-handle-id answers 200 with 0 closed instead of 400 InvalidHeaderValue",
            MalformedIdAccepted::new),
    UNKNOWN_ID_NOT_FOUND("a well-formed but unknown x-ms-handle-id answers 404 instead of 200 with 0 closed",
            UnknownIdNotFound::new),
    MAXRESULTS_IGNORED("maxresults is ignored: every List Handles page holds up to 5000 handles",
            MaxresultsIgnored::new),
    MAXRESULTS_ABOVE_LIMIT_REFUSED("maxresults above 5000 is refused with 400 instead of served as 5000",
            MaxresultsAboveLimitRefused::new),
    FULL_PAGE_HAS_MARKER("a List Handles page holding exactly maxresults handles carries a NextMarker, and a Force Close that "
            + "closed exactly its page size an x-ms-marker, each leading to an empty page", FullPageHasMarker::new),
    MAXRESULTS_ZERO_ACCEPTED("maxresults=0 or a negative value is accepted instead of refused with 400",
            MaxresultsZeroAccepted::new),
    EMPTY_ELEMENTS_EXPANDED("empty List Handles elements are written <Entries></Entries> instead of the service's <Entries />",
            EmptyElementsExpanded::new),
    NO_BOM("XML bodies (List Handles and errors) are sent without the UTF-8 byte order mark", NoBom::new),
    PATH_WITH_LEADING_SLASH("the Path of a handle starts with '/' instead of being relative to the share root",
            PathWithLeadingSlash::new),
    PATH_NOT_ENCODED("a Path with characters XML cannot carry is written raw, without Encoded=\"true\"",
            PathNotEncoded::new),
    DEPTH_LIMIT_OFF_BY_ONE("a handle operation on a path 250 directories deep, the deepest the naming rules allow, is refused with 400 InvalidResourceName",
            DepthLimitOffByOne::new),
    FORCE_CLOSE_INVISIBLE_TO_CLIENT("a force-closed handle still looks open to its SMB client (fixture state stays 'open')",
            ForceCloseInvisibleToClient::new),
    FORCE_CLOSE_LEAVES_SMB_OPEN_USABLE("a force close counts and unlists an SMB client's handle, but the client's open keeps reading and writing",
            ForceCloseLeavesSmbOpenUsable::new),
    FORCE_CLOSE_SPARES_DELETE_ON_CLOSE_OPENS("a force close counts and unlists a delete-on-close SMB open, but the client's open keeps reading and writing",
            ForceCloseSparesDeleteOnCloseOpens::new),
    FORCE_CLOSE_DELETES_RESOURCE("a force close of the last handles of a file or empty directory deletes it, as if they were delete-on-close",
            ForceCloseDeletesResource::new),
    CLOSED_HANDLES_LISTED("force-closed handles are still listed by List Handles", ClosedHandlesListed::new),
    OPEN_HANDLES_DO_NOT_BLOCK_DELETE("deleting or renaming a file or directory with open handles succeeds instead of 409 SharingViolation",
            OpenHandlesDoNotBlockDelete::new),
    OVERWRITE_IGNORES_OPEN_HANDLES("an open file is overwritten (re-created, or replaced by a rename onto its name) instead of 409 SharingViolation",
            OverwriteIgnoresOpenHandles::new),
    SIGNATURE_NOT_CHECKED("the SharedKey signature is not verified: any signature of a known account is accepted",
            SignatureNotChecked::new),
    STALE_DATE_ACCEPTED("a request dated more than 15 minutes away from the server clock is accepted",
            StaleDateAccepted::new),
    DATE_NOT_REQUIRED("a SharedKey request with neither Date nor x-ms-date is accepted, signed over an empty date",
            DateNotRequired::new),
    ANONYMOUS_ACCEPTED("a request without Authorization is served as if the account owner had signed it",
            AnonymousAccepted::new),
    SHARED_KEY_LITE_BAD_REQUEST("a SharedKeyLite request is refused with 400 InvalidAuthenticationInfo, as if only SharedKey were a scheme",
            SharedKeyLiteBadRequest::new),
    SAS_ACCEPTED("a SAS-authorized request (query 'sig=') is accepted for the owner-only handle operations",
            SasAccepted::new),
    ERROR_CODE_HEADER_MISSING("error responses carry no x-ms-error-code header", ErrorCodeHeaderMissing::new),
    SHARE_NOT_FOUND_AS_RESOURCE_NOT_FOUND("a missing share answers 404 ResourceNotFound instead of ShareNotFound",
            ShareNotFoundAsResourceNotFound::new),
    MISSING_PATH_AS_PARENT_NOT_FOUND("a missing file or directory under the handle operations answers 404 ParentNotFound instead of ResourceNotFound",
            MissingPathAsParentNotFound::new),
    MISSING_PATH_AS_INVALID_NAME("a missing share, file or directory under the handle operations answers 400 InvalidResourceName instead of 404",
            MissingPathAsInvalidName::new),
    ERROR_DETAIL_BLANKED_WHEN_NOT_XML("an error detail echoing a value with a character XML cannot carry is left empty instead of keeping the rest of the value",
            ErrorDetailBlankedWhenNotXml::new),
    BAD_REQUEST_AS_INVALID_INPUT("every 400 of the handle operations carries the generic code InvalidInput, whatever was malformed",
            BadRequestAsInvalidInput::new),
    LISTING_CONTENT_TYPE_TEXT("List Handles is sent as Content-Type text/plain instead of application/xml",
            ListingContentTypeText::new),
    DATE_ISO8601("the Date response header is ISO-8601 instead of RFC 1123", DateIso8601::new),
    UNREADABLE_DATE_SERVER_ERROR("a request whose Date or x-ms-date is not an RFC 1123 date answers 500 InternalError instead of being refused",
            UnreadableDateServerError::new),
    VERSION_ECHO_FIXED("x-ms-version always echoes the server's newest version instead of the one asked for",
            VersionEchoFixed::new),
    DATE_TOLERANCE_FIVE_MINUTES("a request dated more than 5 minutes from the server clock is refused, where the service allows 15",
            DateToleranceFiveMinutes::new),
    MISSING_VERSION_ACCEPTED("a request without x-ms-version is served as the newest version instead of refused with 400",
            MissingVersionAccepted::new),
    NEGATIVE_TIMEOUT_ACCEPTED("a negative or non-numeric timeout is ignored instead of refused with 400",
            NegativeTimeoutAccepted::new),
    TIMEOUT_ZERO_REFUSED("timeout=0 is refused with 400 OutOfRangeQueryParameterValue instead of accepted",
            TimeoutZeroRefused::new),
    CLIENT_REQUEST_ID_INVENTED("x-ms-client-request-id is sent (a copy of x-ms-request-id) even when the request had none",
            ClientRequestIdInvented::new),
    VERSION_NOT_ECHOED_ON_ERRORS("error answers leave out x-ms-version: only successes echo it",
            VersionNotEchoedOnErrors::new),
    EMPTY_MARKER_ON_LAST_PAGE("a force close that leaves nothing open sends an empty x-ms-marker header instead of none",
            EmptyMarkerOnLastPage::new),
    FORCE_CLOSE_XML_BODY("a successful force close answers with a small XML body instead of an empty one",
            ForceCloseXmlBody::new),
    ACCESS_RIGHTS_ALL("AccessRightList names Read, Write and Delete for every handle, whatever it was opened with",
            AccessRightsAll::new),
    FILE_IDS_HEX("FileId and ParentId are written as 0x-prefixed hexadecimal instead of decimal", FileIdsHex::new),
    CLIENT_IP_WITHOUT_PORT("ClientIp is the opener's address without its port", ClientIpWithoutPort::new),
    PARENT_ID_IS_FILE_ID("ParentId repeats the handle's own FileId instead of naming its parent directory",
            ParentIdIsFileId::new),
    SESSION_ID_FIXED("every handle is listed with one fixed SessionId, whichever session opened it", SessionIdFixed::new),
    BEARER_LISTING_EMPTY("a bearer-authorized List Handles lists no handles, as if only the token's principal could own any",
            BearerListingEmpty::new),
    BEARER_FORCE_CLOSE_CLOSES_ALL("a bearer-authorized Force Close closes every handle of the path, whichever x-ms-handle-id names",
            BearerForceCloseClosesAll::new),
    BEARER_INTENT_NOT_REQUIRED("a bearer request without x-ms-file-request-intent is served instead of refused with 400",
            BearerIntentNotRequired::new),
    SHARED_KEY_INTENT_REFUSED("a SharedKey List Handles or Force Close carrying x-ms-file-request-intent is refused with 400",
            SharedKeyIntentRefused::new),
    BEARER_SIGNATURE_NOT_CHECKED("a bearer token's signature is not verified: a token with a changed signature is accepted",
            BearerSignatureNotChecked::new),
    BEARER_CHALLENGE_MISSING("a refused bearer token gets 401 without the WWW-Authenticate: Bearer challenge",
            BearerChallengeMissing::new),
    FORCE_CLOSED_OPEN_ACCESS_DENIED("after a force close the SMB client's next request fails with STATUS_ACCESS_DENIED, not a status saying the handle is gone",
            ForceClosedOpenAccessDenied::new),
    CLIENT_CLOSE_LEAVES_HANDLE_LISTED("an SMB client's own CLOSE succeeds but its handle stays open in List Handles",
            ClientCloseLeavesHandleListed::new),
    SESSION_ID_BYTES_REVERSED("an SMB open's SessionId is listed with its bytes reversed, not the session id the client was given",
            SessionIdBytesReversed::new),
    CLIENT_IP_SMB_PORT("an SMB open's ClientIp carries port 445 instead of the client's own port",
            ClientIpSmbPort::new),
    CLIENT_NAME_IS_ADDRESS("an SMB open's ClientName is the client's IP address instead of the workstation it logged on from",
            ClientNameIsAddress::new),
    SMB_ACCESS_RIGHTS_READ_ONLY("every SMB open is listed with AccessRightList Read alone, whatever access the client asked for",
            SmbAccessRightsReadOnly::new),
    CREATE_ETAG_UNQUOTED("Create Share, Create Directory and Create File answer the ETag without its quotes",
            CreateEtagUnquoted::new),
    EXISTING_DIRECTORY_AS_PATH_ALREADY_EXISTS("a Create Directory of an existing directory is refused with 409 PathAlreadyExists (the Data Lake code) instead of ResourceAlreadyExists",
            ExistingDirectoryAsPathAlreadyExists::new),
    MISSING_PARENT_AS_RESOURCE_NOT_FOUND("a create or delete beneath a missing directory answers 404 ResourceNotFound instead of ParentNotFound",
            MissingParentAsResourceNotFound::new),
    SNAPSHOT_WRITES_ACT_ON_LIVE_SHARE("Create and Delete of files and directories ignore sharesnapshot and change the live share instead of refusing with 400",
            SnapshotWritesActOnLiveShare::new);

    private final String description;
    private final Supplier<Fault> fault;

    Defect(String description, Supplier<Fault> fault) {
        this.description = description;
        this.fault = fault;
    }

    /** What the defect breaks, in one line. */
    public String description() {
        return description;
    }

    /** A fresh fault for one server (some faults remember what they did). */
    Fault newFault() {
        return fault.get();
    }

    /**
     * The defect of this name, case-insensitive, {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException when no defect has that name
     */
    public static Defect named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
