package io.handlestck.kit.client;

import io.handlestck.sharedkey.CanonicalRequest;
import io.handlestck.sharedkey.SharedKey;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kit's signer: the {@code Authorization} value for SharedKey or SharedKeyLite over exactly what
 * {@link TargetClient#exchange} puts on the wire: the raw path (path-style endpoints therefore sign the account twice, as the
 * service expects), the percent-decoded query and the headers as set. The string-to-sign comes from
 * {@link SharedKey}, the same code the reference server verifies with, so the two cannot drift apart
 * silently; the wire-interop tests hold both to the official SDK.
 */
public final class SharedKeySigner {

    private SharedKeySigner() {
    }

    /** The {@code Authorization} value for a request, signed as {@code signing} says (never called for {@code NONE}). */
    static String authorization(String account, String accountKey, Signing signing, CanonicalRequest canonical) {
        boolean lite = signing.scheme() == Signing.Scheme.SHARED_KEY_LITE;
        String stringToSign = lite ? SharedKey.stringToSignLite(canonical, account) : SharedKey.stringToSign(canonical, account);
        String signature = SharedKey.signature(stringToSign, signing.key() != null ? signing.key() : accountKey);
        if (signing.tamper()) {
            signature = tamper(signature);
        }
        return (lite ? "SharedKeyLite " : "SharedKey ") + account + ":" + signature;
    }

    /** The current time plus the skew, as {@code x-ms-date} carries it. */
    static String date(Signing signing) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plus(signing.clockSkew()));
    }

    static List<Map.Entry<String, String>> decodedQuery(String rawQuery) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            out.add(new AbstractMap.SimpleImmutableEntry<>(decode(name), decode(value)));
        }
        return out;
    }

    /** Percent-decoding only: in a URL query built by the kit a '+' is a literal plus, never a space. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String tamper(String signature) {
        char first = signature.charAt(0);
        return (first == 'A' ? 'B' : 'A') + signature.substring(1);
    }
}
