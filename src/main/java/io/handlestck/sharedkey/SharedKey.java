package io.handlestck.sharedkey;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Azure Storage SharedKey and SharedKeyLite string-to-sign and HMAC, shared by the reference
 * server (which verifies) and the kit (which signs), so that both follow one reading of the rules
 * in shared/reference/azure-files-behaviour.md section 2. The wire-interop tests against the official
 * Azure SDK keep this reading honest: a signature the SDK makes must verify here.
 */
public final class SharedKey {

    /** The standard headers signed by SharedKey, in their fixed order after the verb (lower-case, as CanonicalRequest keys them). */
    private static final List<String> STANDARD_HEADERS = List.of(
            "content-encoding", "content-language", "content-length", "content-md5", "content-type", "date",
            "if-modified-since", "if-match", "if-none-match", "if-unmodified-since", "range");

    /**
     * Initialised MACs per thread and key: {@code Mac.getInstance} and {@code init} cost more than the
     * HMAC itself, and a server verifies every request (profiled by the benchmarks). {@code doFinal}
     * resets a Mac, so one per thread is reusable.
     */
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);
    private static final int MACS_PER_THREAD = 8;

    private SharedKey() {
    }

    /**
     * The SharedKey string-to-sign.
     *
     * @param account the account name, which leads the canonicalized resource; for a path-style URL the
     *                account therefore appears twice ({@code /devstoreaccount1/devstoreaccount1/share})
     */
    public static String stringToSign(CanonicalRequest request, String account) {
        StringBuilder out = new StringBuilder(256).append(request.method()).append('\n');
        boolean hasXmsDate = !request.header("x-ms-date").isEmpty();
        for (String name : STANDARD_HEADERS) {
            String value = request.header(name);
            if (name.equals("content-length") && value.equals("0")) {
                value = ""; // since 2015-02-21 a zero length signs as empty
            } else if (name.equals("date") && hasXmsDate) {
                value = "";
            }
            out.append(value).append('\n');
        }
        appendCanonicalizedHeaders(out, request);
        appendCanonicalizedResourcePath(out, request, account);
        TreeMap<String, List<String>> query = new TreeMap<>();
        for (Map.Entry<String, String> parameter : request.decodedQuery()) {
            List<String> values = query.computeIfAbsent(parameter.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1));
            Collections.addAll(values, parameter.getValue().split(",", -1));
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            List<String> values = parameter.getValue();
            values.sort(null);
            out.append('\n').append(parameter.getKey()).append(':').append(values.get(0));
            for (int i = 1; i < values.size(); i++) {
                out.append(',').append(values.get(i));
            }
        }
        return out.toString();
    }

    /** The SharedKeyLite string-to-sign: verb, Content-MD5, Content-Type, Date, x-ms headers, and only {@code comp} from the query. */
    public static String stringToSignLite(CanonicalRequest request, String account) {
        StringBuilder out = new StringBuilder(128).append(request.method()).append('\n')
                .append(request.header("content-md5")).append('\n')
                .append(request.header("content-type")).append('\n')
                .append(request.header("x-ms-date").isEmpty() ? request.header("date") : "").append('\n');
        appendCanonicalizedHeaders(out, request);
        appendCanonicalizedResourcePath(out, request, account);
        for (Map.Entry<String, String> parameter : request.decodedQuery()) {
            if (parameter.getKey().equalsIgnoreCase("comp")) {
                out.append("?comp=").append(parameter.getValue());
                break;
            }
        }
        return out.toString();
    }

    /** Base64 of HMAC-SHA256 over the UTF-8 string-to-sign, keyed by the base64-decoded account key. */
    public static String signature(String stringToSign, String base64Key) {
        Map<String, Mac> macs = MACS.get();
        if (macs.size() > MACS_PER_THREAD) {
            macs.clear(); // a caller cycling through many keys (tests of wrong keys) must not grow this forever
        }
        Mac mac = macs.computeIfAbsent(base64Key, SharedKey::newMac);
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(String base64Key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JRE", e);
        }
    }

    /** Compares two signatures in time independent of where they first differ. */
    public static boolean signaturesMatch(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** True when the string is a well-formed base64 account key. */
    public static boolean isValidKey(String base64Key) {
        try {
            return base64Key != null && Base64.getDecoder().decode(base64Key).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The x-ms- headers by name, {@code name:value\n} each, values trimmed and their whitespace runs collapsed. */
    private static void appendCanonicalizedHeaders(StringBuilder out, CanonicalRequest request) {
        List<Map.Entry<String, String>> msHeaders = new ArrayList<>(8);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (header.getKey().startsWith("x-ms-")) {
                msHeaders.add(header);
            }
        }
        msHeaders.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, String> header : msHeaders) {
            out.append(header.getKey().trim()).append(':').append(collapsedWhitespace(header.getValue().strip())).append('\n');
        }
    }

    /**
     * {@code text} with every run of whitespace ({@code [ \t\n\x0B\f\r]}, a regex's {@code \s}) as one
     * space; the text itself when it has nothing to collapse, as nearly every header value: both sides sign
     * every request, and a regex replacement per header was a visible part of a signature's time.
     */
    static String collapsedWhitespace(String text) {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!isWhitespace(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < length && isWhitespace(text.charAt(end))) {
                end++;
            }
            if (out == null && (c != ' ' || end > i + 1)) {
                out = new StringBuilder(length).append(text, 0, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = end - 1;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static void appendCanonicalizedResourcePath(StringBuilder out, CanonicalRequest request, String account) {
        out.append('/').append(account).append(request.encodedPath().isEmpty() ? "/" : request.encodedPath());
    }
}
