package io.handlestck.kit.client;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the operation methods of {@link TargetClient} cannot express (another operation, extra
 * headers, a body), built fluently and sent through the same transport, signer and recorder as every
 * other kit request. Its verbs read like REST Assured's, which the cases already speak.
 */
public final class KitRequest {

    private final TargetClient client;
    private final Signing signing;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String contentType;
    private byte[] body;

    KitRequest(TargetClient client, Signing signing) {
        this.client = client;
        this.signing = signing;
    }

    /** Adds a header, or replaces one of the same name (including the pinned {@code x-ms-version}). */
    public KitRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public KitRequest contentType(String type) {
        this.contentType = type;
        return this;
    }

    public KitRequest body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    /** The body as UTF-8. */
    public KitRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String url) {
        return request("GET", url);
    }

    public Response head(String url) {
        return request("HEAD", url);
    }

    public Response put(String url) {
        return request("PUT", url);
    }

    public Response post(String url) {
        return request("POST", url);
    }

    public Response delete(String url) {
        return request("DELETE", url);
    }

    /** @param url encoded, as built by {@link TargetClient#url} and {@link TargetClient#withQuery} */
    public Response request(String method, String url) {
        return client.send(signing, method, url, headers, contentType, body);
    }
}
