package io.handlestck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.handlestck.server.defects.Defect;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each defect shows its one symptom, and the same probe finds nothing wrong on a server without
 * defects: so a defect's fault acts where it claims to, and the kit has something real to catch.
 * (The kit's meta-tests then check that the cases aimed at each one catch it.)
 */
class DefectSymptomsTest {

    private static final int PAGE_SIZE = 2;
    private static final AtomicInteger SHARES = new AtomicInteger();
    private static final Map<Defect, Predicate<WireClient>> SYMPTOMS = new EnumMap<>(Defect.class);
    /**
     * Symptoms whose probe needs the server itself: its SMB endpoint, which it reaches with smbj, or
     * the token of its bearer issuer.
     */
    private static final Map<Defect, Predicate<ReferenceServer>> SERVER_SYMPTOMS = new EnumMap<>(Defect.class);
    private static final String INTENT_HEADER = "x-ms-file-request-intent";
    /** STATUS_ACCESS_DENIED as smbj reports it. */
    private static final long STATUS_ACCESS_DENIED = 0xC0000022L;
    private static ReferenceServer clean;

    /** A fresh share holding {@code d/} and {@code d/f.txt}. */
    private static String tree(WireClient client) {
        String share = "defect" + SHARES.incrementAndGet();
        client.createTree(share, "d/", "d/f.txt");
        return share;
    }

    private static Scope file(String share) {
        return Scope.of(share, "d/f.txt");
    }

    private static WireResponse list(WireClient client, Scope scope) {
        return client.listHandlesRequest(scope).send();
    }

    /** The one handle opened with the fixture's defaults (Read, the caller's ip:port) on d/f.txt of a fresh share, as listed. */
    private static ListedHandle onlyHandle(WireClient client) {
        String share = tree(client);
        client.openHandles(share, "d/f.txt", 1);
        return client.listHandles(file(share), null, null).handles().get(0);
    }

    /** A probe of an SMB client's open of d/f.txt in a fresh share, which it may use and List Handles may be asked about. */
    @FunctionalInterface
    private interface SmbProbe {
        boolean test(WireClient client, String share, Session session, File file);
    }

    /**
     * What the probe finds of an open of d/f.txt with {@code access} and {@code options}, made over the
     * server's SMB endpoint with smbj.
     */
    private static boolean overSmb(ReferenceServer server, Set<AccessMask> access, Set<SMB2CreateOptions> options,
                                   SmbProbe probe) {
        WireClient client = WireClient.of(server);
        String share = tree(client);
        try (SMBClient smb = new SMBClient(); Connection connection = smb.connect("127.0.0.1", server.smbPort())) {
            Session session = connection.authenticate(
                    new AuthenticationContext(server.account(), server.key().toCharArray(), "AZURE"));
            DiskShare disk = (DiskShare) session.connectShare(share);
            File file = disk.openFile("d\\f.txt", EnumSet.copyOf(access), null, SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_OPEN, options.isEmpty() ? null : EnumSet.copyOf(options));
            return probe.test(client, share, session, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean overSmb(ReferenceServer server, SmbProbe probe) {
        return overSmb(server, Set.of(AccessMask.GENERIC_READ), Set.of(), probe);
    }

    /** The NT status the open's next read gets after Force Close * on the file; null when the read succeeds. */
    private static Long readStatusAfterForceClose(WireClient client, String share, File file) {
        client.forceCloseAll(file(share), "*");
        try {
            file.read(new byte[1], 0);
            return null;
        } catch (SMBApiException closed) {
            return closed.getStatusCode();
        }
    }

    /** The one handle List Handles shows on d/f.txt. */
    private static ListedHandle listedOn(WireClient client, String share) {
        return client.listHandles(file(share), null, null).handles().get(0);
    }

    /** A request authorized by the server's own bearer token, with the intent header the service requires. */
    private static SignedRequest bearer(SignedRequest request, String token) {
        return request.scheme(SignedRequest.Scheme.NONE).header("Authorization", "Bearer " + token)
                .header(INTENT_HEADER, "backup");
    }

    /** The server's token with one character of its signature changed. */
    private static String tamperedToken(ReferenceServer server) {
        String token = server.bearerIssuer().token();
        int last = token.length() - 2;
        return token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
    }

    static {
        SERVER_SYMPTOMS.put(Defect.FORCE_CLOSE_LEAVES_SMB_OPEN_USABLE, server -> overSmb(server,
                (client, share, session, file) -> readStatusAfterForceClose(client, share, file) == null));
        SERVER_SYMPTOMS.put(Defect.FORCE_CLOSE_SPARES_DELETE_ON_CLOSE_OPENS, server -> overSmb(server,
                Set.of(AccessMask.GENERIC_READ, AccessMask.DELETE), Set.of(SMB2CreateOptions.FILE_DELETE_ON_CLOSE),
                (client, share, session, file) -> readStatusAfterForceClose(client, share, file) == null));
        SERVER_SYMPTOMS.put(Defect.FORCE_CLOSED_OPEN_ACCESS_DENIED, server -> overSmb(server, (client, share, session, file) ->
                Long.valueOf(STATUS_ACCESS_DENIED).equals(readStatusAfterForceClose(client, share, file))));
        SERVER_SYMPTOMS.put(Defect.CLIENT_CLOSE_LEAVES_HANDLE_LISTED, server -> overSmb(server, (client, share, session, file) -> {
            file.close();
            return !client.listHandles(file(share), null, null).handles().isEmpty();
        }));
        SERVER_SYMPTOMS.put(Defect.SESSION_ID_BYTES_REVERSED, server -> overSmb(server, (client, share, session, file) ->
                !listedOn(client, share).sessionId().equals(Long.toUnsignedString(session.getSessionId()))));
        SERVER_SYMPTOMS.put(Defect.CLIENT_IP_SMB_PORT, server -> overSmb(server, (client, share, session, file) ->
                listedOn(client, share).clientIp().endsWith(":445")));
        SERVER_SYMPTOMS.put(Defect.CLIENT_NAME_IS_ADDRESS, server -> overSmb(server, (client, share, session, file) -> {
            ListedHandle handle = listedOn(client, share);
            return handle.clientIp().startsWith(handle.clientName() + ":");
        }));
        SERVER_SYMPTOMS.put(Defect.SMB_ACCESS_RIGHTS_READ_ONLY, server -> overSmb(server,
                Set.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE), Set.of(),
                (client, share, session, file) -> !listedOn(client, share).accessRights().contains("Write")));
        SERVER_SYMPTOMS.put(Defect.BEARER_LISTING_EMPTY, server -> {
            WireClient client = WireClient.of(server);
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return !bearer(client.listHandlesRequest(file(share)), server.bearerIssuer().token()).send().text()
                    .contains("<Handle>");
        });
        SERVER_SYMPTOMS.put(Defect.BEARER_FORCE_CLOSE_CLOSES_ALL, server -> {
            WireClient client = WireClient.of(server);
            String share = tree(client);
            String first = client.openHandles(share, "d/f.txt", 2).get(0).handleId();
            return bearer(client.forceCloseRequest(file(share), first), server.bearerIssuer().token()).send()
                    .header("x-ms-number-of-handles-closed").orElse("").equals("2");
        });
        SERVER_SYMPTOMS.put(Defect.BEARER_INTENT_NOT_REQUIRED, server -> {
            WireClient client = WireClient.of(server);
            return bearer(client.listHandlesRequest(file(tree(client))), server.bearerIssuer().token())
                    .withoutHeader(INTENT_HEADER).send().status() == 200;
        });
        SERVER_SYMPTOMS.put(Defect.BEARER_SIGNATURE_NOT_CHECKED, server -> {
            WireClient client = WireClient.of(server);
            return bearer(client.listHandlesRequest(file(tree(client))), tamperedToken(server)).send().status() == 200;
        });
        SERVER_SYMPTOMS.put(Defect.BEARER_CHALLENGE_MISSING, server -> {
            WireClient client = WireClient.of(server);
            WireResponse refused = bearer(client.listHandlesRequest(file(tree(client))), "not-a-jwt").send();
            return refused.status() == 401 && refused.header("WWW-Authenticate").isEmpty();
        });
        SYMPTOMS.put(Defect.SHARED_KEY_INTENT_REFUSED, client ->
                client.listHandlesRequest(file(tree(client))).header(INTENT_HEADER, "backup").send().status() == 400);
        SYMPTOMS.put(Defect.RECURSION_IGNORED, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return client.listHandles(Scope.of(share, "d").recursively(), null, null).handles().isEmpty();
        });
        SYMPTOMS.put(Defect.NON_RECURSIVE_INCLUDES_CHILDREN, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return !client.listHandles(Scope.of(share, "d"), null, null).handles().isEmpty();
        });
        SYMPTOMS.put(Defect.RECURSIVE_ON_FILE_ACCEPTED, client ->
                client.forceCloseRequest(file(tree(client)).recursively(), "*").send().status() == 200);
        SYMPTOMS.put(Defect.WILDCARD_CLOSES_ONE, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", PAGE_SIZE);
            return client.forceClose(file(share), "*", null).closed() == 1;
        });
        SYMPTOMS.put(Defect.CLOSED_COUNT_OFF_BY_ONE, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return client.forceClose(file(share), "*", null).closed() != 1;
        });
        SYMPTOMS.put(Defect.FAILED_COUNT_MISSING, client ->
                client.forceClose(file(tree(client)), "*", null).failed() == null);
        SYMPTOMS.put(Defect.FORCE_CLOSE_MARKER_MISSING, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", PAGE_SIZE + 1);
            return client.forceClose(file(share), "*", null).marker() == null;
        });
        SYMPTOMS.put(Defect.MARKER_SKIPS, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 5);
            return client.listAllHandles(file(share), 2).size() < 5;
        });
        SYMPTOMS.put(Defect.MARKER_REPEATS, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 5);
            List<ListedHandle> all = client.listAllHandles(file(share), 2);
            return all.stream().map(ListedHandle::handleId).distinct().count() < all.size();
        });
        SYMPTOMS.put(Defect.MARKER_NOT_VALIDATED, client ->
                list(client, file(tree(client))).status() == 200
                        && client.listHandlesRequest(file(tree(client))).query("marker", "garbage").send().status() == 200);
        SYMPTOMS.put(Defect.SNAPSHOT_SCOPE_IGNORED, client -> {
            String share = tree(client);
            String snapshot = client.createSnapshot(share);
            client.openHandles(share, "d/f.txt", 1);
            return !client.listHandles(file(share).onSnapshot(snapshot), null, null).handles().isEmpty();
        });
        SYMPTOMS.put(Defect.CLIENT_REQUEST_ID_NOT_ECHOED, client ->
                list(client, file(tree(client))).header("x-ms-client-request-id").isEmpty()
                        && client.listHandlesRequest(file(tree(client))).header("x-ms-client-request-id", "probe-1").send()
                        .header("x-ms-client-request-id").isEmpty());
        SYMPTOMS.put(Defect.CLIENT_REQUEST_ID_NOT_LIMITED, client ->
                client.listHandlesRequest(file(tree(client))).header("x-ms-client-request-id", "x".repeat(1025)).send()
                        .header("x-ms-client-request-id").isPresent());
        SYMPTOMS.put(Defect.REQUEST_ID_REUSED, client -> {
            String share = tree(client);
            return list(client, file(share)).header("x-ms-request-id").equals(list(client, file(share)).header("x-ms-request-id"));
        });
        SYMPTOMS.put(Defect.HANDLE_LIST_ELEMENT, client -> list(client, file(tree(client))).text().contains("<HandleList"));
        SYMPTOMS.put(Defect.NEXT_MARKER_OMITTED, client -> !list(client, file(tree(client))).text().contains("<NextMarker"));
        SYMPTOMS.put(Defect.HANDLE_ELEMENT_ORDER, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            String body = list(client, file(share)).text();
            return body.indexOf("<ClientIp>") < body.indexOf("<SessionId>");
        });
        SYMPTOMS.put(Defect.OPEN_TIME_ISO8601, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return !list(client, file(share)).xmlText("OpenTime").endsWith("GMT");
        });
        SYMPTOMS.put(Defect.VERSION_GATING_IGNORED, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return client.withVersion("2019-02-02").listHandlesRequest(file(share)).send().text().contains("<AccessRightList>");
        });
        SYMPTOMS.put(Defect.UNKNOWN_VERSION_ACCEPTED, client ->
                client.withVersion("2018-03-28").listHandlesRequest(file(tree(client))).send().status() == 200);
        SYMPTOMS.put(Defect.MISSING_HANDLE_ID_ACCEPTED, client ->
                client.forceCloseRequest(file(tree(client)), "*").withoutHeader("x-ms-handle-id").send().status() == 200);
        SYMPTOMS.put(Defect.MALFORMED_ID_ACCEPTED, client ->
                client.forceCloseRequest(file(tree(client)), "invalidHandleId").send().status() == 200);
        SYMPTOMS.put(Defect.UNKNOWN_ID_NOT_FOUND, client ->
                client.forceCloseRequest(file(tree(client)), "1").send().status() == 404);
        SYMPTOMS.put(Defect.MAXRESULTS_IGNORED, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 3);
            return client.listHandles(file(share), 1, null).handles().size() > 1;
        });
        SYMPTOMS.put(Defect.MAXRESULTS_ZERO_ACCEPTED, client ->
                client.listHandlesRequest(file(tree(client))).query("maxresults", "0").send().status() == 200);
        SYMPTOMS.put(Defect.NO_BOM, client -> !list(client, file(tree(client))).startsWithBom());
        SYMPTOMS.put(Defect.PATH_WITH_LEADING_SLASH, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return client.listHandles(file(share), null, null).handles().get(0).path().startsWith("/");
        });
        SYMPTOMS.put(Defect.PATH_NOT_ENCODED, client -> {
            String share = tree(client);
            client.createFile(share, "d/x\ufffe");
            client.openHandles(share, "d/x\ufffe", 1);
            return !list(client, Scope.of(share, "d").recursively()).text().contains("Encoded=\"true\"");
        });
        SYMPTOMS.put(Defect.FORCE_CLOSE_INVISIBLE_TO_CLIENT, client -> {
            String share = tree(client);
            String id = client.openHandles(share, "d/f.txt", 1).get(0).handleId();
            client.forceClose(file(share), id, null);
            return client.handleState(share, id).equals("open");
        });
        SYMPTOMS.put(Defect.CLOSED_HANDLES_LISTED, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            client.forceCloseAll(file(share), "*");
            return !client.listHandles(file(share), null, null).handles().isEmpty();
        });
        SYMPTOMS.put(Defect.OPEN_HANDLES_DO_NOT_BLOCK_DELETE, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return client.request("DELETE", share, "d/f.txt").send().status() == 202;
        });
        SYMPTOMS.put(Defect.OVERWRITE_IGNORES_OPEN_HANDLES, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            return client.request("PUT", share, "d/f.txt").header("x-ms-type", "file")
                    .header("x-ms-content-length", "0").send().status() == 201;
        });
        SYMPTOMS.put(Defect.SIGNATURE_NOT_CHECKED, client ->
                client.listHandlesRequest(file(tree(client))).tamperSignature(signature -> "A" + signature.substring(1))
                        .send().status() == 200);
        SYMPTOMS.put(Defect.STALE_DATE_ACCEPTED, client ->
                client.listHandlesRequest(file(tree(client)))
                        .header("x-ms-date", SignedRequest.rfc1123(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1)))
                        .send().status() == 200);
        SYMPTOMS.put(Defect.SAS_ACCEPTED, client ->
                client.listHandlesRequest(file(tree(client))).query("sig", "c2lnbmF0dXJl").scheme(SignedRequest.Scheme.NONE)
                        .send().status() == 200);
        SYMPTOMS.put(Defect.DATE_NOT_REQUIRED, client ->
                client.listHandlesRequest(file(tree(client))).withoutHeader("x-ms-date").send().status() == 200);
        SYMPTOMS.put(Defect.ANONYMOUS_ACCEPTED, client ->
                client.listHandlesRequest(file(tree(client))).scheme(SignedRequest.Scheme.NONE).send().status() == 200);
        SYMPTOMS.put(Defect.SHARED_KEY_LITE_BAD_REQUEST, client ->
                client.listHandlesRequest(file(tree(client))).scheme(SignedRequest.Scheme.SHARED_KEY_LITE).send().status() == 400);
        SYMPTOMS.put(Defect.FULL_PAGE_HAS_MARKER, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 2);
            String next = client.listHandles(file(share), 2, null).nextMarker();
            return next != null && !next.isEmpty();
        });
        SYMPTOMS.put(Defect.RECURSIVE_MARKER_LOSES_RECURSION, client -> {
            String share = tree(client);
            client.openHandles(share, "d", 1);
            client.openHandles(share, "d/f.txt", 1);
            return client.listAllHandles(Scope.of(share, "d").recursively(), 1).size() < 2;
        });
        SYMPTOMS.put(Defect.RECURSIVE_LISTING_DROPS_SNAPSHOT, client -> {
            String share = tree(client);
            String snapshot = client.createSnapshot(share);
            client.openHandles(share, "d/f.txt", snapshot, 1);
            return client.listAllHandles(Scope.of(share, "d").recursively().onSnapshot(snapshot), null).isEmpty();
        });
        SYMPTOMS.put(Defect.EMPTY_ELEMENTS_EXPANDED, client ->
                new String(list(client, file(tree(client))).body(), StandardCharsets.UTF_8).contains("<Entries></Entries>"));
        SYMPTOMS.put(Defect.ID_ELSEWHERE_COUNTED_AS_CLOSED, client -> {
            String share = tree(client);
            client.createFile(share, "d/other.txt");
            String id = client.openHandles(share, "d/f.txt", 1).get(0).handleId();
            return client.forceClose(Scope.of(share, "d/other.txt"), id, null).closed() == 1;
        });
        SYMPTOMS.put(Defect.DATE_TOLERANCE_FIVE_MINUTES, client ->
                client.listHandlesRequest(file(tree(client)))
                        .header("x-ms-date", SignedRequest.rfc1123(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(10)))
                        .send().status() == 403);
        SYMPTOMS.put(Defect.TIMEOUT_ZERO_REFUSED, client ->
                client.listHandlesRequest(file(tree(client))).query("timeout", "0").send().status() == 400);
        SYMPTOMS.put(Defect.MAXRESULTS_ABOVE_LIMIT_REFUSED, client ->
                client.listHandlesRequest(file(tree(client))).query("maxresults", "5001").send().status() == 400);
        SYMPTOMS.put(Defect.FORCE_CLOSE_DELETES_RESOURCE, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            client.forceCloseAll(file(share), "*");
            return client.request("HEAD", share, "d/f.txt").send().status() == 404;
        });
        SYMPTOMS.put(Defect.ERROR_CODE_HEADER_MISSING, client ->
                client.listHandlesRequest(Scope.of(tree(client), "missing")).send().header("x-ms-error-code").isEmpty());
        SYMPTOMS.put(Defect.SHARE_NOT_FOUND_AS_RESOURCE_NOT_FOUND, client ->
                list(client, Scope.of("nosuchshare", "")).errorCode().equals("ResourceNotFound"));
        SYMPTOMS.put(Defect.MISSING_PATH_AS_PARENT_NOT_FOUND, client ->
                list(client, Scope.of(tree(client), "d/missing.txt")).errorCode().equals("ParentNotFound"));
        SYMPTOMS.put(Defect.MISSING_PATH_AS_INVALID_NAME, client ->
                list(client, Scope.of(tree(client), "d/missing.txt")).status() == 400);
        SYMPTOMS.put(Defect.ERROR_DETAIL_BLANKED_WHEN_NOT_XML, client ->
                client.listHandlesRequest(file(tree(client))).query("maxresults", "7\u0001").send()
                        .xmlText("QueryParameterValue").isEmpty());
        SYMPTOMS.put(Defect.BAD_REQUEST_AS_INVALID_INPUT, client ->
                client.forceCloseRequest(file(tree(client)), "not-an-id").send().errorCode().equals("InvalidInput"));
        SYMPTOMS.put(Defect.LISTING_CONTENT_TYPE_TEXT, client ->
                !list(client, file(tree(client))).header("Content-Type").orElse("").startsWith("application/xml"));
        SYMPTOMS.put(Defect.DATE_ISO8601, client ->
                !list(client, file(tree(client))).header("Date").orElse("").endsWith(" GMT"));
        SYMPTOMS.put(Defect.VERSION_ECHO_FIXED, client ->
                !client.withVersion("2021-06-08").listHandlesRequest(file(tree(client))).send().header("x-ms-version")
                        .orElse("").equals("2021-06-08"));
        SYMPTOMS.put(Defect.MISSING_VERSION_ACCEPTED, client ->
                client.listHandlesRequest(file(tree(client))).withoutHeader("x-ms-version").send().status() == 200);
        SYMPTOMS.put(Defect.NEGATIVE_TIMEOUT_ACCEPTED, client ->
                client.listHandlesRequest(file(tree(client))).query("timeout", "-1").send().status() == 200);
        SYMPTOMS.put(Defect.CLIENT_REQUEST_ID_INVENTED, client ->
                list(client, file(tree(client))).header("x-ms-client-request-id").isPresent());
        SYMPTOMS.put(Defect.VERSION_NOT_ECHOED_ON_ERRORS, client ->
                list(client, Scope.of(tree(client), "missing")).header("x-ms-version").isEmpty());
        SYMPTOMS.put(Defect.EMPTY_MARKER_ON_LAST_PAGE, client ->
                client.forceCloseRequest(file(tree(client)), "*").send().header("x-ms-marker").isPresent());
        SYMPTOMS.put(Defect.FORCE_CLOSE_XML_BODY, client ->
                client.forceCloseRequest(file(tree(client)), "*").send().body().length > 0);
        SYMPTOMS.put(Defect.ACCESS_RIGHTS_ALL, client -> onlyHandle(client).accessRights().size() == 3);
        SYMPTOMS.put(Defect.FILE_IDS_HEX, client -> onlyHandle(client).fileId().startsWith("0x"));
        SYMPTOMS.put(Defect.CLIENT_IP_WITHOUT_PORT, client -> !onlyHandle(client).clientIp().contains(":"));
        SYMPTOMS.put(Defect.DEPTH_LIMIT_OFF_BY_ONE, client ->
                list(client, Scope.of(tree(client), String.join("/", Collections.nCopies(250, "level")))).status() == 400);
        SYMPTOMS.put(Defect.UNREADABLE_DATE_SERVER_ERROR, client ->
                client.listHandlesRequest(file(tree(client))).header("x-ms-date", "tomorrow").send().status() == 500);
        SYMPTOMS.put(Defect.SESSION_ID_FIXED, client -> {
            String share = tree(client);
            client.openHandles(share, "d/f.txt", 1);
            client.openHandles(share, "d/f.txt", 1); // a request without a sessionId opens in a session of its own
            List<ListedHandle> handles = client.listHandles(file(share), null, null).handles();
            return handles.get(0).sessionId().equals(handles.get(1).sessionId());
        });
        SYMPTOMS.put(Defect.CREATE_ETAG_UNQUOTED, client -> {
            String share = tree(client);
            return !client.request("PUT", share, "e").query("restype", "directory").send().header("ETag").orElse("")
                    .startsWith("\"");
        });
        SYMPTOMS.put(Defect.EXISTING_DIRECTORY_AS_PATH_ALREADY_EXISTS, client ->
                client.request("PUT", tree(client), "d").query("restype", "directory").send().errorCode()
                        .equals("PathAlreadyExists"));
        SYMPTOMS.put(Defect.MISSING_PARENT_AS_RESOURCE_NOT_FOUND, client ->
                client.request("PUT", tree(client), "missing/e").query("restype", "directory").send().errorCode()
                        .equals("ResourceNotFound"));
        SYMPTOMS.put(Defect.SNAPSHOT_WRITES_ACT_ON_LIVE_SHARE, client -> {
            String share = tree(client);
            String snapshot = client.createSnapshot(share);
            return client.request("PUT", share, "e").query("restype", "directory").query("sharesnapshot", snapshot).send()
                    .status() != 400;
        });
        SYMPTOMS.put(Defect.PARENT_ID_IS_FILE_ID, client -> {
            ListedHandle handle = onlyHandle(client);
            return handle.fileId().equals(handle.parentId());
        });
    }

    @BeforeAll
    static void startCleanServer() throws Exception {
        clean = ReferenceServer.builder().port(0).smbPort(0).forceClosePageSize(PAGE_SIZE).build().start();
    }

    @AfterAll
    static void stopCleanServer() {
        clean.close();
    }

    @Test
    void everyDefectHasASymptom() {
        Set<Defect> missing = new HashSet<>(List.of(Defect.values()));
        missing.removeAll(SYMPTOMS.keySet());
        missing.removeAll(SERVER_SYMPTOMS.keySet());
        assertThat(missing).isEmpty();
        assertThat(Defect.values()).hasSizeGreaterThanOrEqualTo(18);
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void theDefectShowsItsSymptomAndTheCleanServerDoesNot(Defect defect) throws Exception {
        Predicate<WireClient> overRest = SYMPTOMS.get(defect);
        Predicate<ReferenceServer> symptom = overRest != null ? server -> overRest.test(WireClient.of(server)) : SERVER_SYMPTOMS.get(defect);
        assertThat(symptom).as("symptom of " + defect).isNotNull();
        assertThat(symptom.test(clean)).as(defect + " probe on the clean server").isFalse();
        try (ReferenceServer broken = ReferenceServer.builder().port(0).smbPort(0).forceClosePageSize(PAGE_SIZE).defect(defect)
                .build().start()) {
            assertThat(symptom.test(broken)).as(defect + " probe on the broken server").isTrue();
        }
    }
}
