package io.handlestck.sharedkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The string-to-sign of one request that exercises every rule at once (reference §2): header names in
 * any case, x-ms- headers sorted by their lower-case names with values trimmed and whitespace collapsed,
 * Date blank beside x-ms-date, a zero Content-Length blank, query names lower-cased and sorted, a
 * parameter's comma-separated values sorted. Written out by hand, so that a faster canonicalization
 * must give the same bytes.
 */
class StringToSignTest {

    private static CanonicalRequest request() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-MS-Version", "2024-05-04");
        headers.put("x-ms-date", "Wed, 2 Dec 2026 15:48:13 GMT");
        headers.put("Date", "Wed, 2 Dec 2026 15:48:13 GMT");
        headers.put("content-length", "0");
        headers.put("Content-Type", "application/xml");
        headers.put("x-ms-handle-id", "  *  ");
        headers.put("x-ms-client-request-id", "a  b\tc");
        headers.put("If-Match", "\"0x1\"");
        headers.put("Host", "127.0.0.1:10000");
        List<Map.Entry<String, String>> query = List.of(
                new SimpleImmutableEntry<>("comp", "forceclosehandles"),
                new SimpleImmutableEntry<>("Sharesnapshot", "2026-12-01T00:00:00.0000000Z"),
                new SimpleImmutableEntry<>("include", "b,a"));
        return new CanonicalRequest("put", headers, "/devstoreaccount1/share/dir%20a/f.txt", query);
    }

    @Test
    void sharedKeySignsEveryRuleOfTheReference() {
        assertThat(SharedKey.stringToSign(request(), "devstoreaccount1")).isEqualTo(String.join("\n",
                "PUT", "", "", "", "", "application/xml", "", "", "\"0x1\"", "", "", "",
                "x-ms-client-request-id:a b c",
                "x-ms-date:Wed, 2 Dec 2026 15:48:13 GMT",
                "x-ms-handle-id:*",
                "x-ms-version:2024-05-04",
                "/devstoreaccount1/devstoreaccount1/share/dir%20a/f.txt",
                "comp:forceclosehandles",
                "include:a,b",
                "sharesnapshot:2026-12-01T00:00:00.0000000Z"));
    }

    @Test
    void sharedKeyLiteSignsOnlyCompFromTheQuery() {
        assertThat(SharedKey.stringToSignLite(request(), "devstoreaccount1")).isEqualTo(String.join("\n",
                "PUT", "", "application/xml", "",
                "x-ms-client-request-id:a b c",
                "x-ms-date:Wed, 2 Dec 2026 15:48:13 GMT",
                "x-ms-handle-id:*",
                "x-ms-version:2024-05-04",
                "/devstoreaccount1/devstoreaccount1/share/dir%20a/f.txt?comp=forceclosehandles"));
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCase() {
        assertThat(request().header("CONTENT-TYPE")).isEqualTo("application/xml");
        assertThat(request().header("if-match")).isEqualTo("\"0x1\"");
        assertThat(request().header("Range")).isEmpty();
    }
}
