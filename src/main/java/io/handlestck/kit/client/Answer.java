package io.handlestck.kit.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a target answered to one request the kit sent: status, headers and the whole body. Every
 * request goes out through {@link TargetClient}; this is the shape of what comes back, the same for
 * the cases, the fixture protocol, cleanup and vendor provisioners.
 *
 * @param headers by name, case-insensitive, each with every value the target sent
 */
public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

    public Answer {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        headers = byName;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, if the target sent it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body decoded as UTF-8 (JSON and XML bodies of the File service are UTF-8). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
