package io.handlestck.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an operation answers: status, its own headers (the common ones are added by {@link ServiceHandler}) and a body. */
public final class Reply {

    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = EMPTY;
    private String contentType;
    private long headContentLength = -1;

    private Reply(int status) {
        this.status = status;
    }

    public static Reply status(int status) {
        return new Reply(status);
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Reply body(String contentType, byte[] body) {
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    /** The Content-Length a HEAD answer declares (the size of what a GET would return), without a body. */
    public Reply headContentLength(long length) {
        this.headContentLength = length;
        return this;
    }

    /** The Content-Length to declare: the HEAD length when set, else the body's. */
    public long contentLength() {
        return headContentLength >= 0 ? headContentLength : body.length;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    /** Null when the reply has no body. */
    public String contentType() {
        return contentType;
    }
}
