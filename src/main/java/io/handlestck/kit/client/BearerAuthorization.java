package io.handlestck.kit.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that authorize a {@link Signing.Scheme#BEARER} request: {@code Authorization: Bearer
 * <token>} and, unless the signing leaves it out, {@code x-ms-file-request-intent: backup}, which the
 * File service requires with a token. The client's one send path delegates here for bearer requests,
 * as it delegates SharedKey requests to {@link SharedKeySigner}.
 */
final class BearerAuthorization {

    static final String INTENT_HEADER = "x-ms-file-request-intent";
    static final String BACKUP_INTENT = "backup";

    private BearerAuthorization() {
    }

    /**
     * @param configuredToken the target's token, used unless {@code signing} names another one
     * @throws IllegalStateException when neither names a token: a case must check for one before it sends
     */
    static Map<String, String> headers(Signing signing, String configuredToken) {
        String token = signing.token() != null ? signing.token() : configuredToken;
        if (token == null) {
            throw new IllegalStateException("a bearer request needs a token: give --bearer-token, HANDLESTCK_BEARER_TOKEN"
                    + " or --bearer-token-command");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + (signing.tamper() ? tampered(token) : token));
        if (signing.intentHeader()) {
            headers.put(INTENT_HEADER, BACKUP_INTENT);
        }
        return headers;
    }

    /** The token with one character of its signature (the part after the last dot) changed. */
    private static String tampered(String token) {
        int last = token.length() - 2; // the final character of base64url may carry padding bits only
        if (last < 0) {
            return token + "x";
        }
        char swapped = token.charAt(last) == 'A' ? 'B' : 'A';
        return token.substring(0, last) + swapped + token.substring(last + 1);
    }
}
