package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.HandleListing;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of what the server sends, compared with the recordings of the real service
 * (shared/reference/azure-files-behaviour.md sections 3 and 4): List Handles bodies at several
 * x-ms-versions, the headers every response carries, the fixture protocol root and the health endpoint.
 */
class ResponseShapeTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.withDefaults();

    private static final String CLIENT_IP = "10.0.0.5:49152";
    private static final String CLIENT_NAME = "host1";

    @ParameterizedTest(name = "x-ms-version {0}")
    @ValueSource(strings = {"2019-02-02", "2019-07-07", "2021-06-08", "2023-01-03", "2024-02-04", "2024-05-04", "2026-02-06"})
    void listHandlesBodyHasTheRecordedShapeForTheVersion(String version) {
        WireClient client = SERVER.client().withVersion(version);
        String share = EmbeddedServer.newShareName();
        SERVER.client().createTree(share, "dir/", "dir/f.txt");
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("share", share);
        open.put("path", "dir/f.txt");
        open.put("count", 2);
        open.put("clientIp", CLIENT_IP);
        open.put("clientName", CLIENT_NAME);
        open.put("accessRights", List.of("Read", "Write"));
        List<OpenedHandle> opened = SERVER.client().openHandles(open);

        WireResponse first = WireClient.expect(client.listHandlesRequest(Scope.of(share, "dir/f.txt")).query("maxresults", "1").send(), 200);
        assertThat(first.startsWithBom()).as("UTF-8 BOM before the XML declaration").isTrue();
        assertThat(first.text()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults>");
        assertThat(first.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        assertThat(first.header("x-ms-version")).contains(version);
        HandleListing page1 = HandleListing.parse(first);
        assertThat(page1.elementOrder()).containsExactly("MaxResults", "Entries", "NextMarker");
        assertThat(page1.maxResults()).isEqualTo("1");
        assertThat(page1.nextMarker()).isNotBlank();

        HandleListing page2 = HandleListing.parse(WireClient.expect(client.listHandlesRequest(Scope.of(share, "dir/f.txt"))
                .query("maxresults", "1").query("marker", page1.nextMarker()).send(), 200));
        assertThat(page2.elementOrder()).containsExactly("Marker", "MaxResults", "Entries", "NextMarker");
        assertThat(page2.marker()).isEqualTo(page1.nextMarker());
        assertThat(page2.nextMarker()).as("empty NextMarker on the last page").isNull();

        List<ListedHandle> handles = new ArrayList<>(page1.handles());
        handles.addAll(page2.handles());
        assertThat(handles).extracting(ListedHandle::handleId)
                .containsExactlyInAnyOrderElementsOf(opened.stream().map(OpenedHandle::handleId).toList());
        boolean accessRights = version.compareTo("2023-01-03") >= 0;
        boolean clientName = version.compareTo("2024-02-04") >= 0;
        List<String> expectedOrder = new ArrayList<>(List.of("HandleId", "Path", "FileId", "ParentId", "SessionId"));
        if (accessRights) {
            expectedOrder.add("AccessRightList");
        }
        expectedOrder.add("ClientIp");
        if (clientName) {
            expectedOrder.add("ClientName");
        }
        expectedOrder.add("OpenTime");
        for (ListedHandle handle : handles) {
            assertThat(handle.elementOrder()).as("children of <Handle> at %s", version).containsExactlyElementsOf(expectedOrder);
            assertThat(handle.handleId()).matches("\\d{1,20}");
            assertThat(handle.fileId()).matches("\\d{1,20}");
            assertThat(handle.parentId()).matches("\\d{1,20}");
            assertThat(handle.sessionId()).matches("\\d{1,20}");
            assertThat(handle.path()).isEqualTo("dir/f.txt");
            assertThat(handle.pathEncoded()).isFalse();
            assertThat(handle.clientIp()).isEqualTo(CLIENT_IP);
            assertThat(ZonedDateTime.parse(handle.openTime(), DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull();
            if (accessRights) {
                assertThat(handle.accessRights()).containsExactly("Read", "Write");
            }
            if (clientName) {
                assertThat(handle.clientName()).isEqualTo(CLIENT_NAME);
            }
        }
        assertThat(handles.get(0).fileId()).as("FileId is per file").isEqualTo(handles.get(1).fileId());
        assertThat(handles.get(0).fileId()).isEqualTo(opened.get(0).fileId());
    }

    @Test
    void anEmptyListingIsEntriesAndAnEmptyNextMarker() {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createShare(share);
        WireResponse response = WireClient.expect(SERVER.client().listHandlesRequest(Scope.root(share)).send(), 200);
        // Byte for byte the recorded body (reference section 4.2), including the spelling of the empty elements.
        assertThat(response.text()).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults><Entries /><NextMarker /></EnumerationResults>");
    }

    @Test
    void theShareRootHandleHasAnEmptyPathAndIdsZero() {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createShare(share);
        SERVER.client().openHandles(share, "", 1);
        ListedHandle root = SERVER.client().listHandles(Scope.root(share), null, null).handles().get(0);
        assertThat(root.path()).isEmpty();
        assertThat(root.fileId()).isEqualTo("0");
        assertThat(root.parentId()).isEqualTo("0");
    }

    @Test
    void pathsAreRelativeToTheShareRootAndEncodedOnlyWhenXmlCannotCarryThem() {
        String share = EmbeddedServer.newShareName();
        String plain = "d\u00e9j\u00e0 vu/na\u00efve file.txt";
        String invalid = "dir\uFFFEname";
        SERVER.client().createTree(share, "d\u00e9j\u00e0 vu/", plain, invalid + "/");
        SERVER.client().openHandles(share, plain, 1);
        SERVER.client().openHandles(share, invalid, 1);

        List<ListedHandle> handles = SERVER.client().listAllHandles(Scope.root(share).recursively(), null);
        ListedHandle plainHandle = handles.stream().filter(handle -> !handle.pathEncoded()).findFirst().orElseThrow();
        ListedHandle encodedHandle = handles.stream().filter(ListedHandle::pathEncoded).findFirst()
                .orElseThrow(() -> new AssertionError("no Encoded=\"true\" path among " + handles));
        assertThat(plainHandle.path()).isEqualTo(plain);
        assertThat(encodedHandle.path()).doesNotContain("\uFFFE");
        assertThat(URLDecoder.decode(encodedHandle.path(), StandardCharsets.UTF_8)).isEqualTo(invalid);
    }

    @ParameterizedTest(name = "x-ms-version {0}")
    @ValueSource(strings = {"2019-02-02", "2019-07-07", "2024-05-04"})
    void forceCloseSendsTheFailedCountFrom20190707(String version) {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createTree(share, "f.txt");
        SERVER.client().openHandles(share, "f.txt", 2);
        WireResponse response = WireClient.expect(SERVER.client().withVersion(version)
                .forceCloseRequest(Scope.of(share, "f.txt"), "*").send(), 200);
        assertThat(response.header("x-ms-number-of-handles-closed")).contains("2");
        assertThat(response.header("x-ms-number-of-handles-failed"))
                .isEqualTo(version.compareTo("2019-07-07") >= 0 ? Optional.of("0") : Optional.empty());
        assertThat(response.header("x-ms-marker")).isEmpty();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void everyResponseCarriesRequestIdVersionAndDateOnSuccessAndError() {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createShare(share);
        Set<String> requestIds = new HashSet<>();
        List<Supplier<SignedRequest>> requests = List.of(
                () -> SERVER.client().listHandlesRequest(Scope.root(share)),
                () -> SERVER.client().forceCloseRequest(Scope.root(share), "*"),
                () -> SERVER.client().listHandlesRequest(Scope.root("no-such-share-here")),
                () -> SERVER.client().forceCloseRequest(Scope.root(share), "not-a-number"),
                () -> SERVER.client().forceCloseRequest(Scope.of(share, "missing.txt"), "*"));
        for (int round = 0; round < 4; round++) {
            for (Supplier<SignedRequest> request : requests) {
                WireResponse response = request.get().send();
                assertThat(response.header("x-ms-request-id")).as("x-ms-request-id of %s", response).isPresent();
                requestIds.add(response.header("x-ms-request-id").orElseThrow());
                assertThat(response.header("x-ms-version")).as("x-ms-version of %s", response).contains(WireClient.DEFAULT_VERSION);
                ZonedDateTime date = ZonedDateTime.parse(response.header("Date").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
                assertThat(Duration.between(date, ZonedDateTime.now()).abs()).isLessThan(Duration.ofMinutes(5));
                assertThat(response.header("x-ms-client-request-id")).as("no echo when none was sent").isEmpty();
            }
        }
        assertThat(requestIds).as("request ids are unique").hasSize(4 * requests.size());
    }

    @ParameterizedTest(name = "client request id of {0} characters")
    @ValueSource(ints = {1, 36, 1024, 1025, 4000})
    void theClientRequestIdIsEchoedUpTo1024Characters(int length) {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createShare(share);
        String clientRequestId = "c".repeat(length);
        WireResponse success = SERVER.client().listHandlesRequest(Scope.root(share)).header("x-ms-client-request-id", clientRequestId).send();
        WireResponse error = SERVER.client().forceCloseRequest(Scope.of(share, "missing"), "*").header("x-ms-client-request-id", clientRequestId).send();
        assertThat(success.status()).isEqualTo(200);
        assertThat(error.status()).isEqualTo(404);
        for (WireResponse response : List.of(success, error)) {
            if (length <= 1024) {
                assertThat(response.header("x-ms-client-request-id")).as("echo on %s", response).contains(clientRequestId);
            } else {
                assertThat(response.header("x-ms-client-request-id")).as("no echo past 1024 characters on %s", response).isEmpty();
            }
        }
    }

    @Test
    void errorBodiesHaveTheRealShape() {
        WireResponse response = SERVER.client().forceCloseRequest(Scope.root(EmbeddedServer.newShareName()), "*").send();
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("ShareNotFound");
        assertThat(response.startsWithBom()).isTrue();
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        String message = response.errorElement().getElementsByTagName("Message").item(0).getTextContent();
        String requestId = response.header("x-ms-request-id").orElseThrow();
        assertThat(message).matches("(?s).+\\nRequestId:" + Pattern.quote(requestId)
                + "\\nTime:\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z");
        assertThat(response.text()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ShareNotFound</Code><Message>");
    }

    @Test
    void aMalformedHandleIdNamesTheHeaderAndItsValue() {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createTree(share, "f.txt");
        WireResponse response = SERVER.client().forceCloseRequest(Scope.of(share, "f.txt"), "invalidHandleId").send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("InvalidHeaderValue");
        assertThat(response.xmlText("HeaderName")).isEqualTo("x-ms-handle-id");
        assertThat(response.xmlText("HeaderValue")).isEqualTo("invalidHandleId");
    }

    @Test
    void aMissingHandleIdIsAMissingRequiredHeader() {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createTree(share, "f.txt");
        SERVER.client().openHandles(share, "f.txt", 1);
        WireResponse response = SERVER.client().forceCloseRequest(Scope.of(share, "f.txt"), "*").withoutHeader("x-ms-handle-id").send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MissingRequiredHeader");
        assertThat(response.xmlText("HeaderName")).isEqualTo("x-ms-handle-id");
        assertThat(SERVER.client().listHandles(Scope.of(share, "f.txt"), null, null).handles()).hasSize(1);
    }

    @Test
    void theFixtureProtocolRootDescribesItself() {
        WireResponse response = WireClient.expect(SERVER.client().fixtureRequest("GET", "").send(), 200);
        assertThat(response.json().path("protocol").asText()).isEqualTo("hfp/1");
        assertThat(response.json().path("forceClosePageSize").asInt()).isEqualTo(1000);
        assertThat(response.json().path("features").isArray()).isTrue();
    }

    @Test
    void theHealthEndpointAnswersWithoutAuthorization() {
        WireResponse response = SERVER.client().requestOutsideAccount("GET", "/$health")
                .scheme(SignedRequest.Scheme.NONE).withoutHeader("x-ms-date").withoutHeader("x-ms-version").send();
        assertThat(response.status()).as("%s\n%s", response, response.text()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("up");
    }
}
