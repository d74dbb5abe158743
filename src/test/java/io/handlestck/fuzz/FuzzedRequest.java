package io.handlestck.fuzz;

import io.handlestck.server.http.WireFormats;
import io.handlestck.sharedkey.CanonicalRequest;
import io.handlestck.sharedkey.SharedKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as the fuzzer sends it: every part raw (the path and the query still percent-encoded,
 * exactly as they go on the wire; headers in order, duplicates allowed), signed last, over what is
 * actually sent, unless the authorization itself is what is being broken.
 */
final class FuzzedRequest {

    /** How the request is authorized. */
    enum Auth {
        /** SharedKey over the request as sent. */
        SIGNED,
        /** SharedKey over the request before it was mutated. */
        STALE,
        /** SharedKeyLite over the request as sent. */
        LITE,
        /** A valid signature with one character changed. */
        CORRUPTED,
        /** Signed with a key the account does not have. */
        WRONG_KEY,
        /** No Authorization header. */
        NONE,
        /** An Authorization header that is not a SharedKey one at all. */
        GARBAGE
    }

    /** A key no account has, for {@link Auth#WRONG_KEY}. */
    private static final String FOREIGN_KEY = "Zm9yZWlnbi1rZXktb2YtdGhlLWZ1enplci1ub3QtdGhlLWFjY291bnRz";

    String method;
    String path;
    /** Query parameters as sent: {name, value}; a null value is a parameter without '='. */
    final List<String[]> query = new ArrayList<>();
    /** Headers as sent: {name, value}, in order. */
    final List<String[]> headers = new ArrayList<>();
    byte[] body = new byte[0];
    Auth auth = Auth.SIGNED;
    /** The signature of the request before mutation, for {@link Auth#STALE}. */
    String staleSignature;
    String garbageAuthorization = "Bearer";

    FuzzedRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    void query(String encodedName, String encodedValue) {
        query.add(new String[] {encodedName, encodedValue});
    }

    void header(String name, String value) {
        headers.add(new String[] {name, value});
    }

    void replaceHeader(String name, String value) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
        if (value != null) {
            header(name, value);
        }
    }

    boolean isHead() {
        return method.equalsIgnoreCase("HEAD");
    }

    /** The raw request target: path and query as sent. */
    String target() {
        StringBuilder target = new StringBuilder(path);
        char separator = '?';
        for (String[] parameter : query) {
            target.append(separator).append(parameter[0]);
            if (parameter[1] != null) {
                target.append('=').append(parameter[1]);
            }
            separator = '&';
        }
        return target.toString();
    }

    /** The SharedKey signature over what this request sends now. */
    String signature(String account, String key, boolean lite) {
        CanonicalRequest canonical = canonical();
        String stringToSign = lite ? SharedKey.stringToSignLite(canonical, account) : SharedKey.stringToSign(canonical, account);
        return SharedKey.signature(stringToSign, key);
    }

    /** The bytes on the wire, with Host, Content-Length and Authorization added as {@link #auth} says. */
    byte[] wire(String hostHeader, String account, String key) {
        String authorization = switch (auth) {
            case SIGNED -> "SharedKey " + account + ":" + signature(account, key, false);
            case STALE -> "SharedKey " + account + ":" + staleSignature;
            case LITE -> "SharedKeyLite " + account + ":" + signature(account, key, true);
            case CORRUPTED -> {
                String signature = signature(account, key, false);
                char first = signature.charAt(0);
                yield "SharedKey " + account + ":" + (first == 'A' ? 'B' : 'A') + signature.substring(1);
            }
            case WRONG_KEY -> "SharedKey " + account + ":" + signature(account, FOREIGN_KEY, false);
            case NONE -> null;
            case GARBAGE -> garbageAuthorization;
        };
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(hostHeader).append("\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + body.length);
        // Header text is sent as UTF-8, so that raw non-ASCII reaches the server as a client would send it.
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    private CanonicalRequest canonical() {
        TreeMap<String, String> signed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String[] header : headers) {
            // The server joins a repeated header's values with commas; sign what it will see.
            signed.merge(header[0], header[1], (first, second) -> first + "," + second);
        }
        if (body.length > 0) {
            signed.put("Content-Length", Integer.toString(body.length));
        }
        List<Map.Entry<String, String>> decoded = new ArrayList<>();
        for (String[] parameter : query) {
            decoded.add(new SimpleImmutableEntry<>(decodeOrRaw(parameter[0]),
                    parameter[1] == null ? "" : decodeOrRaw(parameter[1])));
        }
        return new CanonicalRequest(method.toUpperCase(Locale.ROOT), signed, path, decoded);
    }

    private static String decodeOrRaw(String encoded) {
        try {
            return WireFormats.decodeQueryComponent(encoded);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    /** A one-line reproducer for a failure message. */
    String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(target()).append(" auth=").append(auth);
        for (String[] header : headers) {
            text.append(" | ").append(header[0]).append(": ").append(header[1].length() > 80
                    ? header[1].substring(0, 80) + "…(" + header[1].length() + ")" : header[1]);
        }
        if (body.length > 0) {
            text.append(" | body ").append(body.length).append(" bytes");
        }
        return text.toString();
    }
}
