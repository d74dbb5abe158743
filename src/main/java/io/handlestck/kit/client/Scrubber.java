package io.handlestck.kit.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from what the kit records: the signature or bearer token in {@code Authorization},
 * SAS signatures ({@code sig=}) in URLs and bodies, anything shaped like a JSON Web Token, and the
 * account key and bearer token wherever they appear verbatim. Reports are
 * published, so nothing that authorizes a request may reach them.
 */
public final class Scrubber {

    public static final String MARK = "<scrubbed>";
    private static final Pattern SAS_SIGNATURE = Pattern.compile("(?i)([?&;]sig=)[^&\\s\"'<;]*");
    private static final Pattern CONNECTION_STRING_KEY = Pattern.compile("(?i)(AccountKey=)[^;\\s\"'<]*");
    private static final Pattern AUTHORIZATION = Pattern.compile("^(\\S+\\s+[^:\\s]+:).*$");
    private static final Pattern BEARER = Pattern.compile("(?i)^(Bearer\\s+).*$");
    /** A JSON Web Token (header.payload.signature, base64url, the header starting with '{"'): a bearer token. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final List<String> secrets;

    /** @param secrets literal values (account keys, bearer tokens) to remove from any text */
    public Scrubber(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 8).toList();
    }

    public String text(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        // Both need an '=': most recorded text (header values, XML bodies without SAS) has none, and a
        // run records thousands of texts.
        if (out.indexOf('=') >= 0) {
            out = SAS_SIGNATURE.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
            out = CONNECTION_STRING_KEY.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
        }
        if (out.contains("eyJ")) {
            out = JWT.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        for (String secret : secrets) {
            out = out.replace(secret, MARK);
        }
        return out;
    }

    /** Keeps the scheme and account of {@code Authorization} (they help reading a trace), drops the signature. */
    public String header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization") || lower.equals("x-ms-copy-source-authorization")) {
            Matcher bearer = BEARER.matcher(value);
            if (bearer.matches()) {
                return bearer.group(1) + MARK;
            }
            Matcher matcher = AUTHORIZATION.matcher(value);
            return matcher.matches() ? matcher.group(1) + MARK : MARK;
        }
        return text(value);
    }

    public Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, values.stream().map(v -> header(name, v)).toList()));
        return out;
    }
}
