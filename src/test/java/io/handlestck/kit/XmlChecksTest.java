package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.xml.XmlChecks;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The XML checks cases rely on: controls with placeholders, BOM, order, and the typed listing. */
class XmlChecksTest {

    private static final String BOM = "\uFEFF";
    private static final String ONE_HANDLE = "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults><Entries>"
            + "<Handle><HandleId>81190846697</HandleId><Path>ctl/file.txt</Path><FileId>13835128424026341376</FileId>"
            + "<ParentId>0</ParentId><SessionId>9479488151052354093</SessionId><AccessRightList><AccessRight>Read"
            + "</AccessRight><AccessRight>Write</AccessRight><AccessRight>Delete</AccessRight></AccessRightList>"
            + "<ClientIp>10.2.4.26:49849</ClientIp><ClientName>host1</ClientName>"
            + "<OpenTime>Sun, 23 Apr 2023 05:59:52 GMT</OpenTime></Handle></Entries><NextMarker /></EnumerationResults>";

    private final XmlChecks xml = new XmlChecks();

    @Test
    void aRealShapedBodyMatchesItsControlThroughTheKitsPlaceholders() {
        assertThat(xml.differences("list-handles-one-2024-05-04.xml", bytes(BOM + ONE_HANDLE))).isEmpty();
    }

    @Test
    void aWrongValueShapeOrAMissingElementIsADifference() {
        String isoOpenTime = ONE_HANDLE.replace("Sun, 23 Apr 2023 05:59:52 GMT", "2023-04-23T05:59:52Z");
        assertThat(xml.differences("list-handles-one-2024-05-04.xml", bytes(isoOpenTime))).isNotEmpty();
        String noClientName = ONE_HANDLE.replace("<ClientName>host1</ClientName>", "");
        assertThatThrownBy(() -> xml.assertMatchesControl("list-handles-one-2024-05-04.xml", bytes(noClientName)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("list-handles-one-2024-05-04.xml");
        String negativeId = ONE_HANDLE.replace("<HandleId>81190846697", "<HandleId>-1");
        assertThat(xml.differences("list-handles-one-2024-05-04.xml", bytes(negativeId))).isNotEmpty();
    }

    @Test
    void aByteComparisonNormalizesIdsAndTimesOnlyAndKeepsEveryOtherByte() {
        String v2023 = ONE_HANDLE.replace("<ClientName>host1</ClientName>", "");
        assertThat(xml.byteDifference("list-handles-one-2023-01-03.xml", bytes(BOM + v2023))).isNull();
        String otherIds = v2023.replace("81190846697", "5").replace("Sun, 23 Apr 2023", "Mon, 01 Jan 2024");
        assertThat(xml.byteDifference("list-handles-one-2023-01-03.xml", bytes(BOM + otherIds))).isNull();
        String empty = "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults><Entries /><NextMarker /></EnumerationResults>";
        assertThat(xml.byteDifference("list-handles-empty.xml", bytes(BOM + empty))).isNull();
        assertThat(xml.byteDifference("list-handles-empty.xml", bytes(empty))).contains("byte order mark");
        for (String sameXmlOtherBytes : new String[] {empty.replace("<Entries />", "<Entries></Entries>"),
                empty.replace("<Entries />", "<Entries/>"), empty.replace("><", ">\n<"), empty.replace("\"1.0\"", "'1.0'"),
                empty + "\n"}) {
            assertThat(xml.differences("list-handles-empty.xml", bytes(BOM + sameXmlOtherBytes))).isEmpty();
            assertThat(xml.byteDifference("list-handles-empty.xml", bytes(BOM + sameXmlOtherBytes)))
                    .as(sameXmlOtherBytes).isNotNull();
        }
        assertThat(xml.byteComparable("list-handles-first-page.xml")).isFalse();
        assertThat(xml.byteComparable("list-handles-one-2019-02-02.xml")).isTrue();
        assertThatThrownBy(() -> xml.byteDifference("list-handles-first-page.xml", bytes(BOM + empty)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bomAndChildOrderAreReadFromTheBytes() {
        assertThat(xml.hasBom(bytes(BOM + ONE_HANDLE))).isTrue();
        assertThat(xml.hasBom(bytes(ONE_HANDLE))).isFalse();
        assertThat(xml.childOrder(bytes(BOM + ONE_HANDLE), "Handle")).containsExactly("HandleId", "Path", "FileId",
                "ParentId", "SessionId", "AccessRightList", "ClientIp", "ClientName", "OpenTime");
    }

    @Test
    void theListingIsParsedIntoTypedHandles() {
        HandleListing listing = HandleListing.parse(bytes(BOM + ONE_HANDLE));
        assertThat(listing.complete()).isTrue();
        assertThat(listing.nextMarker()).isEmpty();
        assertThat(listing.marker()).isNull();
        assertThat(listing.rootChildren()).containsExactly("Entries", "NextMarker");
        assertThat(listing.handles()).singleElement().satisfies(handle -> {
            assertThat(handle.handleId()).isEqualTo("81190846697");
            assertThat(handle.accessRights()).containsExactly("Read", "Write", "Delete");
            assertThat(handle.clientName()).isEqualTo("host1");
            assertThat(handle.lastReconnectTime()).isNull();
        });
    }

    @Test
    void encodedPathsArePercentDecodedAsUtf8() {
        String body = "<EnumerationResults><Entries><Handle><HandleId>1</HandleId>"
                + "<Path Encoded=\"true\">dir%EF%BF%BE1+2%20x</Path></Handle></Entries><NextMarker>n</NextMarker>"
                + "</EnumerationResults>";
        HandleListing listing = HandleListing.parse(bytes(body));
        assertThat(listing.complete()).isFalse();
        assertThat(listing.handles().get(0).pathEncoded()).isTrue();
        assertThat(listing.handles().get(0).decodedPath()).isEqualTo("dir\uFFFE1+2 x");
    }

    @Test
    void aListingInTheDocumentationsShapeIsAWrongAnswer() {
        String documentationShape = "<EnumerationResults><HandleList /><NextMarker /></EnumerationResults>";
        assertThatThrownBy(() -> HandleListing.parse(bytes(documentationShape)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no <Entries>");
        assertThatThrownBy(() -> HandleListing.parse(bytes("<html>oops")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> HandleListing.parse(bytes(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><EnumerationResults>&e;</EnumerationResults>")))
                .isInstanceOf(AssertionError.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
