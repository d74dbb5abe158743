package io.handlestck.server.model;

import io.handlestck.server.http.ServiceError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging marker: {@code 1!<length>!<base64url>} like the real service's, whose payload
 * is the index position (handle id and path key) of the next handle to list or close. Decoding
 * validates everything, so a forged or truncated marker is a 400, never a 500 or a silent restart.
 */
public final class Marker {

    private static final String VERSION = "1";

    private Marker() {
    }

    public static String encode(Handle position) {
        String payload = Long.toUnsignedString(position.id()) + "\n" + position.pathKey();
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return VERSION + "!" + encoded.length() + "!" + encoded;
    }

    /**
     * @param scope the range the request covers: a marker pointing outside it was not issued for this request
     */
    public static Handle decode(String marker, HandleIndex.Scope scope) {
        String[] parts = marker.split("!", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(Integer.toString(parts[2].length()))) {
            throw invalid(marker);
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(marker);
        }
        int newline = payload.indexOf('\n');
        if (newline < 1) {
            throw invalid(marker);
        }
        long id;
        try {
            id = Long.parseUnsignedLong(payload.substring(0, newline));
        } catch (NumberFormatException e) {
            throw invalid(marker);
        }
        Handle position = Handle.position(payload.substring(newline + 1), id);
        if (!scope.contains(position)) {
            throw invalid(marker);
        }
        return position;
    }

    private static ServiceError invalid(String marker) {
        return ServiceError.invalidQueryParameterValue("marker", marker, "The marker is not one this resource issued.");
    }
}
