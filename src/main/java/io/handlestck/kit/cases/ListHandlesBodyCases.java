package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertMatchesControl;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.child;
import static io.handlestck.kit.cases.CaseSupport.listed;
import static io.handlestck.kit.cases.CaseSupport.onlyHandle;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOne;
import static io.handlestck.kit.cases.CaseSupport.parseRfc1123;
import static io.handlestck.kit.cases.ListHandlesCases.firstPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.client.HandleListing.ListedHandle;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.provision.ClientView;
import io.handlestck.kit.provision.ClientView.ClientIdentity;
import io.handlestck.kit.provision.HandleRequest;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * List Handles ({@code suites/list-handles.yaml}): the body of a listing, what each {@code Handle}
 * says and in which order, and the version gating of its fields. Bodies are also held against the
 * real service's shapes in {@code fixtures/xml/}.
 */
@HandlesTckCases
public class ListHandlesBodyCases {

    /** The children of {@code Handle} in the real service's order (reference §4.2). */
    static final List<String> HANDLE_ELEMENT_ORDER = List.of("HandleId", "Path", "FileId", "ParentId", "SessionId",
            "AccessRightList", "ClientIp", "ClientName", "OpenTime", "LastReconnectTime");

    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

    @CaseId("LH-003")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void emptyListingIsTheRealBody(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), resource.create(share)));
        assertStatus(response, 200, "List Handles of a " + resource + " without handles");
        String difference = ctx.xml().byteDifference("list-handles-empty.xml", response.asByteArray());
        assertNull(difference, "the empty listing must be the recorded body byte for byte: " + difference);
    }

    @CaseId("LH-007")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2019-02-02", "2023-01-03", "2024-05-04"})
    void handleChildrenComeInTheRealOrder(String version, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("dir/file.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).client("10.0.0.5:49152", "kit-host")
                .accessRights("Read", "Write"));

        ListedHandle handle = firstPage(ctx, ListHandlesCall.on(share.name(), file).header("x-ms-version", version))
                .handles().get(0);

        List<String> known = handle.children().stream().filter(HANDLE_ELEMENT_ORDER::contains).toList();
        List<String> inRealOrder = HANDLE_ELEMENT_ORDER.stream().filter(known::contains).toList();
        assertEquals(inRealOrder, known, "children of <Handle> at " + version + " must follow the order "
                + HANDLE_ELEMENT_ORDER);
    }

    @CaseId("LH-008")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void listingStartsWithBomAndDeclaration(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), resource.create(share)));
        assertStatus(response, 200, "List Handles of the " + resource);
        byte[] body = response.asByteArray();
        assertTrue(ctx.xml().hasBom(body), "the body must start with the UTF-8 byte order mark EF BB BF");
        String afterBom = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(afterBom.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
                "the XML declaration must follow the BOM, body starts '" + afterBom.substring(0,
                        Math.min(40, afterBom.length())) + "'");
    }

    @CaseId("LH-009")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2019-02-02", "2023-01-03", "2024-05-04"})
    void oneHandleListingMatchesTheRealBody(String version, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("ctl/file.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).client("10.2.4.26:49849", "kit-host")
                .accessRights("Read", "Write", "Delete"));

        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), file).header("x-ms-version", version));

        assertStatus(response, 200, "List Handles at " + version);
        String control = "list-handles-one-" + version + ".xml";
        assertMatchesControl(ctx, control, response);
        if (ctx.xml().byteComparable(control)) {
            String difference = ctx.xml().byteDifference(control, response.asByteArray());
            assertNull(difference, "the listing must be the recorded body byte for byte, ids and times aside: " + difference);
        }
    }

    @CaseId("LH-010")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2019-02-02", "2022-11-02", "2023-01-03", "2024-05-04"})
    void accessRightListAppearsFrom20230103(String version, CaseContext ctx) {
        ListedHandle handle = oneHandleAt(ctx, version);
        if (version.compareTo("2023-01-03") >= 0) {
            assertNotNull(handle.accessRights(), "AccessRightList must be sent from 2023-01-03 (version " + version + ")");
        } else {
            assertNull(handle.accessRights(), "AccessRightList did not exist before 2023-01-03 (version " + version + ")");
        }
    }

    @CaseId("LH-011")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"2023-01-03", "2023-11-03", "2024-02-04", "2024-05-04"})
    void clientNameAppearsFrom20240204(String version, CaseContext ctx) {
        ListedHandle handle = oneHandleAt(ctx, version);
        boolean present = handle.children().contains("ClientName");
        if (version.compareTo("2024-02-04") >= 0) {
            assertTrue(present, "ClientName must be sent from 2024-02-04 (version " + version + ")");
        } else {
            assertFalse(present, "ClientName did not exist before 2024-02-04 (version " + version + ")");
        }
    }

    @CaseId("LH-012")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"Read", "Read,Write", "Read,Write,Delete", "Write,Delete"})
    void accessRightsAreThoseOfTheOpen(String rights, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        String[] requested = rights.split(",");
        String id = CaseSupport.ids(ctx.handles().open(HandleRequest.on(share.name(), file).accessRights(requested))).get(0);

        ListedHandle handle = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), file)), id);

        assertNotNull(handle.accessRights(), "AccessRightList must be sent at " + ctx.version());
        assertEquals(new TreeSet<>(List.of(requested)), new TreeSet<>(handle.accessRights()),
                "AccessRightList must name the rights the handle was opened with");
    }

    @CaseId("LH-013")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void idsAreDecimalUint64(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String id = openOne(ctx, share, path);
        ListedHandle handle = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), path)), id);
        assertUint64("HandleId", handle.handleId());
        assertUint64("FileId", handle.fileId());
        assertUint64("SessionId", handle.sessionId());
        if (handle.parentId() != null) {
            assertUint64("ParentId", handle.parentId());
        }
    }

    @CaseId("LH-014")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void openTimeIsAnRfc1123DateNearTheOpen(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        Instant before = Instant.now();
        String id = openOne(ctx, share, path);
        Instant after = Instant.now();

        String openTime = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), path)), id).openTime();

        assertNotNull(openTime, "OpenTime is a required element");
        Instant parsed = parseRfc1123(openTime, "OpenTime");
        assertTrue(!parsed.isBefore(before.minus(CaseSupport.CLOCK_TOLERANCE)) && !parsed.isAfter(after.plus(CaseSupport.CLOCK_TOLERANCE)),
                "OpenTime " + openTime + " is not within " + CaseSupport.CLOCK_TOLERANCE.toMinutes() + " minutes of the open at " + before);
    }

    @CaseId("LH-015")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("clients")
    void clientDetailsAreThoseOfTheOpener(String clientIp, String clientName, String sessionId, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        String id = CaseSupport.ids(ctx.handles().open(HandleRequest.on(share.name(), file).client(clientIp, clientName)
                .session(sessionId))).get(0);
        ClientIdentity opener = opener(ctx, share, id, new ClientIdentity(clientIp, sessionId, clientName, List.of(), true));

        ListedHandle handle = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), file)), id);

        if (opener.direct()) {
            assertEquals(opener.clientIp(), handle.clientIp(), "ClientIp must be the opener's ip:port");
        }
        assertEquals(opener.sessionId(), handle.sessionId(), "SessionId must be the opener's SMB session");
        if (ctx.versionAtLeast("2024-02-04")) {
            assertEquals(opener.clientName(), handle.clientName(), "ClientName must be the opener's machine name");
        }
    }

    /**
     * Who opened the handle: the client the request described, unless the provisioner is a real SMB client,
     * which can be only part of it (its workstation name, an address of its own machine) and tells the
     * rest itself (the port and session it got). Then the case records what was compared, and compares
     * ClientIp only where no NAT can be in between.
     */
    private static ClientIdentity opener(CaseContext ctx, TestShare share, String id, ClientIdentity requested) {
        Optional<ClientView> client = ctx.handles().clientView();
        if (client.isEmpty()) {
            return requested;
        }
        ClientIdentity real = client.get().identity(share.name(), id);
        ctx.recordOutcome("a real SMB client opened the handle: ClientName " + real.clientName() + ", ClientIp "
                + real.clientIp() + (real.direct() ? "" : " (not compared: the endpoint is not a loopback address, so a"
                + " NAT may rewrite it)") + ", SessionId " + real.sessionId() + "; asked for " + requested.clientName()
                + ", " + requested.clientIp() + ", " + requested.sessionId() + " (a client cannot choose its port or"
                + " session, nor an address its machine does not have)");
        return real;
    }

    static Stream<Arguments> clients() {
        return Stream.of(Arguments.of("127.0.0.2:49152", "host-one", "9479488151052354093"),
                Arguments.of("192.168.17.250:445", "WORKSTATION-7", "1"),
                Arguments.of("[2001:db8::7]:50352", "v6-client", "18446744073709551615"));
    }

    /**
     * Clients the kit has not named before, each opening in a session of its own: the first holds two
     * handles. Three sessions, so that a SessionId with fewer than three values in use (one bit of the
     * id left, or none) cannot list them apart.
     */
    private static final List<String> SESSION_CLIENTS = List.of("KIT-SESSION-1", "KIT-SESSION-2", "KIT-SESSION-3");

    @CaseId("LH-036")
    @Test
    void sessionIdIsOnePerSession(CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        List<List<String>> bySession = new ArrayList<>();
        for (String client : SESSION_CLIENTS) {
            int count = bySession.isEmpty() ? 2 : 1;
            bySession.add(CaseSupport.ids(ctx.handles().open(HandleRequest.on(share.name(), file).client(null, client)
                    .count(count))));
        }

        Map<String, ListedHandle> byId = new HashMap<>();
        firstPage(ctx, ListHandlesCall.on(share.name(), file)).handles().forEach(handle -> byId.put(handle.handleId(), handle));

        List<String> first = bySession.get(0);
        assertEquals(present(byId, first.get(0)).sessionId(), present(byId, first.get(1)).sessionId(),
                "two handles opened in one session must list its one SessionId");
        List<String> sessionIds = bySession.stream().map(ids -> present(byId, ids.get(0)).sessionId()).toList();
        assertEquals(SESSION_CLIENTS.size(), new HashSet<>(sessionIds).size(), "handles of " + SESSION_CLIENTS.size()
                + " sessions must list " + SESSION_CLIENTS.size() + " SessionIds; listed " + sessionIds);
    }

    @CaseId("LH-017")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 3})
    void fileIdAndParentIdIdentifyTheTree(int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String directory = "";
        for (int level = 1; level <= depth; level++) {
            directory = child(directory, "d" + level);
        }
        share.directory(directory);
        String file = share.file(child(directory, "file.txt"));
        String other = share.file(child(directory, "other.txt"));
        String directoryHandle = openOne(ctx, share, directory);
        List<String> fileHandles = open(ctx, share, file, 2);
        String otherHandle = openOne(ctx, share, other);

        Map<String, ListedHandle> byId = new HashMap<>();
        for (String path : List.of(directory, file, other)) {
            firstPage(ctx, ListHandlesCall.on(share.name(), path)).handles()
                    .forEach(handle -> byId.put(handle.handleId(), handle));
        }

        ListedHandle onDirectory = present(byId, directoryHandle);
        ListedHandle first = present(byId, fileHandles.get(0));
        ListedHandle second = present(byId, fileHandles.get(1));
        ListedHandle onOther = present(byId, otherHandle);
        assertEquals(first.fileId(), second.fileId(), "two handles on one file must carry the same FileId");
        assertFalse(first.fileId().equals(onOther.fileId()), "two files must have different FileIds");
        assertFalse(first.fileId().equals(onDirectory.fileId()), "a file and its directory must have different FileIds");
        assertEquals(onDirectory.fileId(), first.parentId(), "a file's ParentId is its directory's FileId");
    }

    @CaseId("LH-029")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void listingIsApplicationXml(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), resource.create(share)));
        assertStatus(response, 200, "List Handles of the " + resource);
        String contentType = response.getHeader("Content-Type");
        assertNotNull(contentType, "Content-Type must be sent");
        assertTrue(contentType.toLowerCase().startsWith("application/xml"), "Content-Type was " + contentType);
    }

    static ListedHandle present(Map<String, ListedHandle> byId, String id) {
        ListedHandle handle = byId.get(id);
        assertNotNull(handle, "handle " + id + " is not listed; listed: " + byId.keySet());
        return handle;
    }

    /** One handle on a file, listed at {@code version} (sent explicitly, whatever the run pins). */
    private static ListedHandle oneHandleAt(CaseContext ctx, String version) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        ctx.handles().open(HandleRequest.on(share.name(), file).client("10.0.0.5:49152", "kit-host")
                .accessRights("Read"));
        List<ListedHandle> handles = firstPage(ctx, ListHandlesCall.on(share.name(), file)
                .header("x-ms-version", version)).handles();
        assertEquals(1, handles.size(), "one handle is open on the file");
        return handles.get(0);
    }

    private static void assertUint64(String element, String value) {
        assertNotNull(value, element + " is a required element");
        assertTrue(value.matches("0|[1-9][0-9]{0,19}"), element + " '" + value + "' is not a decimal UINT64");
        assertTrue(new BigInteger(value).compareTo(UINT64_MAX) <= 0, element + " '" + value + "' exceeds 2^64-1");
    }
}
