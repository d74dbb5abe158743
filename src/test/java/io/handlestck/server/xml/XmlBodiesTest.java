package io.handlestck.server.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.server.model.AccessRights;
import io.handlestck.server.model.Account;
import io.handlestck.server.model.Handle;
import io.handlestck.server.model.HandleSpec;
import io.handlestck.server.model.Namespace;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The XML bodies byte for byte as the real service writes them (reference §3.1 and §4.2). */
class XmlBodiesTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final HandleListBody.Fields LATEST = new HandleListBody.Fields(true, true);
    private static final HandleListBody.Fields V2019 = new HandleListBody.Fields(false, false);

    private static String text(byte[] body) {
        assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte order mark").isEqualTo(BOM);
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }

    private static Handle handleOn(String... path) {
        Namespace live = new Account("devstoreaccount1").createShare("s").live();
        for (int i = 1; i < path.length; i++) {
            live.createDirectory(List.of(path).subList(0, i));
        }
        live.createFile(List.of(path), 0);
        return live.open(List.of(path), new HandleSpec(1, "10.0.0.5:49152", "host1", 42,
                AccessRights.of(List.of("Read", "Write")))).get(0);
    }

    @Test
    void anErrorBodyCarriesCodeMessageRequestIdTimeAndDetailsInOrder() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("HeaderName", "x-ms-handle-id");
        details.put("HeaderValue", "invalidHandleId");

        String body = text(ErrorBody.write("InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.",
                details, "req-1", "2026-11-25T10:00:00.0000000Z"));

        assertThat(body).isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>InvalidHeaderValue</Code>"
                + "<Message>The value for one of the HTTP headers is not in the correct format.\nRequestId:req-1\n"
                + "Time:2026-11-25T10:00:00.0000000Z</Message><HeaderName>x-ms-handle-id</HeaderName>"
                + "<HeaderValue>invalidHandleId</HeaderValue></Error>");
    }

    @Test
    void anErrorDetailXmlCannotCarryIsReplacedNotBroken() {
        String body = text(ErrorBody.write("InvalidHeaderValue", "m", Map.of("HeaderValue", "a\u0001b"), "r", "t"));

        assertThat(body).contains("<HeaderValue>a\ufffdb</HeaderValue>");
    }

    @Test
    void anEmptyListingIsEntriesAndNextMarkerWithTheServicesSpacing() {
        assertThat(text(HandleListBody.write(null, null, List.of(), "", LATEST)))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults><Entries /><NextMarker /></EnumerationResults>");
    }

    @Test
    void markerAndMaxResultsAreEchoedBeforeEntries() {
        assertThat(text(HandleListBody.write("1!4!abcd", "2", List.of(), "", LATEST)))
                .contains("<EnumerationResults><Marker>1!4!abcd</Marker><MaxResults>2</MaxResults><Entries />");
    }

    @Test
    void anEchoedMarkerHasItsMarkupEscaped() {
        assertThat(text(HandleListBody.write("a&b<c>", null, List.of(), "", LATEST)))
                .contains("<Marker>a&amp;b&lt;c&gt;</Marker>");
    }

    @Test
    void aHandleHasTheServicesElementOrderWithEveryFieldFromVersion20240204() {
        Handle handle = handleOn("dir", "file.txt");

        String body = text(HandleListBody.write(null, null, List.of(handle), "next", LATEST));

        assertThat(body).containsSubsequence("<Handle><HandleId>" + Long.toUnsignedString(handle.id()) + "</HandleId>",
                "<Path>dir/file.txt</Path>", "<FileId>", "<ParentId>", "<SessionId>42</SessionId>",
                "<AccessRightList><AccessRight>Read</AccessRight><AccessRight>Write</AccessRight></AccessRightList>",
                "<ClientIp>10.0.0.5:49152</ClientIp>", "<ClientName>host1</ClientName>", "<OpenTime>", " GMT</OpenTime></Handle>",
                "<NextMarker>next</NextMarker>");
    }

    @Test
    void olderVersionsGetNeitherAccessRightsNorClientName() {
        String body = text(HandleListBody.write(null, null, List.of(handleOn("f")), "", V2019));

        assertThat(body).doesNotContain("AccessRightList", "ClientName").contains("</SessionId><ClientIp>");
    }

    @Test
    void aPathXmlCannotCarryIsPercentEncodedAndMarked() {
        String body = text(HandleListBody.write(null, null, List.of(handleOn("dir\ufffe1", "a b")), "", LATEST));

        assertThat(body).contains("<Path Encoded=\"true\">dir%EF%BF%BE1/a%20b</Path>");
    }

    @Test
    void handleTextEscapesMarkupCharactersAndAnEmptyClientNameIsAnEmptyElement() {
        Namespace live = new Account("devstoreaccount1").createShare("s").live();
        live.createFile(List.of("a&b'c>d<e"), 0);
        Handle handle = live.open(List.of("a&b'c>d<e"), new HandleSpec(1, "10.0.0.5:49152", "", 42,
                AccessRights.of(List.of("Read")))).get(0);

        String body = text(HandleListBody.write(null, null, List.of(handle, handle), "", LATEST));

        assertThat(body).contains("<Path>a&amp;b'c&gt;d&lt;e</Path>").contains("<ClientName />")
                .contains("</Handle><Handle>").endsWith("</Handle></Entries><NextMarker /></EnumerationResults>");
    }
}
