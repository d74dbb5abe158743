package io.handlestck.server.http;

import io.handlestck.server.ServerContext;
import io.handlestck.server.auth.Authenticator;
import io.handlestck.server.ops.FixtureOperations;
import io.handlestck.server.xml.ErrorBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry of the reference server (a Jetty core handler, no servlets): it reads the URL in
 * path style ({@code /account/share/path}) or host style ({@code Host: account.file.core.windows.net}
 * or {@code account.localhost}), authenticates, checks {@code x-ms-version} and {@code timeout},
 * routes, and writes the reply with the headers every response of the service carries.
 *
 * <p>{@code GET /$health} answers {@code 200 {"status":"up"}} without authentication, for container
 * wait strategies; account names cannot start with {@code $}, so it never shadows an account.
 *
 * <p>Every refusal is a {@link ServiceError} with its 4xx and XML body; anything else that escapes
 * an operation is a server bug, answered 500 InternalError as a last resort and logged.
 */
public final class ServiceHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceHandler.class);
    private static final Pattern HOST_STYLE = Pattern.compile("([a-z0-9]{3,24})\\.(?:file\\.core\\.windows\\.net|localhost)",
            Pattern.CASE_INSENSITIVE);
    private static final String FIXTURES = "$fixtures";
    private static final String HEALTH_PATH = "/$health";
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final int MAX_CLIENT_REQUEST_ID = 1024;
    private static final byte[] NO_BODY = new byte[0];
    private static final byte[] HEALTH_BODY = "{\"status\":\"up\"}".getBytes(StandardCharsets.UTF_8);
    private static final Pattern TIMEOUT = Pattern.compile("[0-9]{1,18}");

    private final ServerContext context;
    private final Authenticator authenticator;
    private final Router router;
    private final FixtureOperations fixtures;
    private final String serverHeader;

    public ServiceHandler(ServerContext context, String serverHeader) {
        this.context = context;
        this.serverHeader = serverHeader;
        this.authenticator = new Authenticator(context.settings().account(), context.settings().key(),
                context.strategies().authentication(), context.settings().bearerIssuer());
        this.router = new Router(context);
        this.fixtures = new FixtureOperations(context);
    }

    /**
     * Non-blocking: nothing here waits (bodies are read asynchronously, operations only take short
     * locks), so Jetty runs each request on the selector thread that read it instead of handing it to
     * a pool thread. Under wrk at 16 connections that handoff cost 3.5 futex and 1.8 epoll_ctl calls per
     * request and a third of the throughput (bench/history.md).
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpFields headers = request.getHeaders();
        long declaredLength = headers.getLongField(HttpHeader.CONTENT_LENGTH);
        if (declaredLength <= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            answer(request, RequestBody.EMPTY, response, callback); // most requests: nothing to wait for
        } else if (declaredLength > MAX_BODY) {
            answer(request, RequestBody.tooLarge(), response, callback);
        } else {
            Content.Source.asByteArrayAsync(request, MAX_BODY, Promise.Invocable.from(InvocationType.NON_BLOCKING,
                    body -> answerOnceRead(request, RequestBody.of(body), response, callback),
                    failure -> answerOnceRead(request, RequestBody.unreadable(failure), response, callback)));
        }
        return true;
    }

    /**
     * An answer given from the body read's completion: what escapes it goes to Jetty, which answers 500
     * as it does for what escapes {@link #handle}; left in the read's promise it would only drop the connection.
     */
    private void answerOnceRead(Request request, RequestBody body, Response response, Callback callback) {
        try {
            answer(request, body, response, callback);
        } catch (RuntimeException | Error escaped) {
            callback.failed(escaped);
        }
    }

    private void answer(Request request, RequestBody body, Response response, Callback callback) {
        String requestId = newRequestId();
        String method = request.getMethod();
        ServiceRequest parsed = null;
        Reply reply;
        try {
            if (HEALTH_PATH.equals(request.getHttpURI().getPath()) && (method.equals("GET") || method.equals("HEAD"))) {
                reply = Reply.status(200).body("application/json", HEALTH_BODY);
            } else {
                parsed = parse(request, body);
                reply = process(parsed);
            }
        } catch (ServiceError error) {
            reply = errorReply(context.rewrites().refusal(context, parsed, error), requestId);
        } catch (RuntimeException bug) {
            LOG.error("request {} {} failed inside the server", method, request.getHttpURI(), bug);
            reply = errorReply(new ServiceError(500, "InternalError",
                    "Server encountered an internal error. Please try again after some time."), requestId);
        }
        write(reply, requestId, parsed, request.getHeaders(), method.equals("HEAD"), response, callback);
    }

    /**
     * A request's body as read, or why it could not be: the refusal is raised where the body is taken,
     * after the URL's own checks, so a bad URL is refused as such whatever its body.
     */
    private record RequestBody(byte[] bytes, ServiceError refusal) {
        static final RequestBody EMPTY = new RequestBody(NO_BODY, null);

        static RequestBody of(byte[] bytes) {
            return new RequestBody(bytes, null);
        }

        static RequestBody tooLarge() {
            return new RequestBody(null, new ServiceError(413, "RequestBodyTooLarge",
                    "The request body is too large and exceeds the maximum permissible limit."));
        }

        /**
         * Jetty fails the read with IllegalStateException when the body outgrows the limit; any other
         * failure is a body that ends early or is badly chunked: the client's fault (the fuzzer found a 500 here).
         */
        static RequestBody unreadable(Throwable failure) {
            return failure instanceof IllegalStateException ? tooLarge() : new RequestBody(null, new ServiceError(400,
                    "InvalidInput", "One of the request inputs is not valid. The request body could not be read."));
        }

        byte[] take() {
            if (refusal != null) {
                throw refusal;
            }
            return bytes;
        }
    }

    /**
     * A fresh request id in the service's UUID shape. Drawn from {@link ThreadLocalRandom}, not
     * {@link UUID#randomUUID()}: ids need to be unique, not unguessable, and the secure generator
     * would serialize every request on one lock.
     */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** The request's x-ms-version when it is one the service knows, on success and error alike; null otherwise. */
    private String echoedVersion(String version) {
        if (version == null) {
            return null;
        }
        String trimmed = version.trim();
        return context.strategies().versions().known(trimmed) ? trimmed : null;
    }

    private Reply process(ServiceRequest sent) {
        authenticator.authenticate(sent);
        ServiceRequest request = context.rewrites().request(context, sent);
        checkVersion(request);
        checkTimeout(request);
        if (FIXTURES.equals(request.share())) {
            if (!context.settings().fixtures()) {
                throw ServiceError.resourceNotFound(); // the protocol is switched off: as if it never existed
            }
            return fixtures.handle(request);
        }
        return router.route(request);
    }

    /** x-ms-version is required and must be one the service knows; the fixture protocol is not versioned, so there it is only echoed. */
    private void checkVersion(ServiceRequest request) {
        String version = request.header("x-ms-version");
        boolean fixtureRequest = FIXTURES.equals(request.share());
        if (version == null) {
            if (!fixtureRequest) {
                throw ServiceError.missingRequiredHeader("x-ms-version");
            }
            return;
        }
        version = version.trim();
        if (context.strategies().versions().known(version)) {
            request.version(version);
        } else if (!fixtureRequest) {
            throw ServiceError.invalidHeaderValue("x-ms-version", version);
        }
    }

    private void checkTimeout(ServiceRequest request) {
        String timeout = request.query("timeout");
        if (timeout != null && !TIMEOUT.matcher(timeout).matches()) {
            throw ServiceError.invalidQueryParameterValue("timeout", timeout, "timeout must be a non-negative integer of seconds.");
        }
    }

    private ServiceRequest parse(Request request, RequestBody body) {
        String rawPath = request.getHttpURI().getPath();
        List<String> segments = new ArrayList<>();
        if (rawPath != null && rawPath.length() > 1) {
            String decoded;
            try {
                // Decoded before splitting: the SDKs send "dir%2Ffile.txt" and the service reads it as dir/file.txt.
                decoded = WireFormats.decodePath(rawPath.substring(1));
            } catch (IllegalArgumentException e) {
                throw ServiceError.invalidUri("The path has a malformed percent-escape.");
            }
            String[] parts = decoded.split("/", -1);
            int count = parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length; // one trailing slash names the same resource
            for (int i = 0; i < count; i++) {
                if (parts[i].isEmpty()) {
                    throw ServiceError.invalidUri("The path has an empty segment.");
                }
                segments.add(parts[i]);
            }
        }
        String account;
        boolean pathStyle;
        String serverName = Request.getServerName(request);
        Matcher host = mayBeHostStyle(serverName) ? HOST_STYLE.matcher(serverName) : null;
        if (host != null && host.matches()) {
            account = host.group(1).toLowerCase(Locale.ROOT);
            pathStyle = false;
        } else {
            if (segments.isEmpty()) {
                throw ServiceError.invalidUri("A path-style URL starts with the account name.");
            }
            account = segments.remove(0);
            pathStyle = true;
        }
        String share = segments.isEmpty() ? null : segments.remove(0);
        return new ServiceRequest(request.getMethod(), request.getHeaders(), rawPath == null ? "/" : rawPath,
                parseQuery(request.getHttpURI().getQuery()), account, share, List.copyOf(segments), body.take(),
                pathStyle, Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request));
    }

    /** Whether the host ends as a host-style one does: an IP address or plain name skips the regex (a visible cost per request). */
    private static boolean mayBeHostStyle(String serverName) {
        String lowerCase = serverName.toLowerCase(Locale.ROOT);
        return lowerCase.endsWith(".localhost") || lowerCase.endsWith(".file.core.windows.net");
    }

    private static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            Map.Entry<String, String> decoded;
            try {
                decoded = new AbstractMap.SimpleImmutableEntry<>(WireFormats.decodeQueryComponent(name),
                        WireFormats.decodeQueryComponent(value));
            } catch (IllegalArgumentException e) {
                throw ServiceError.invalidUri("The query has a malformed percent-escape.");
            }
            // No parameter of the File service is repeatable: a second value is ambiguous, so it is refused.
            for (Map.Entry<String, String> earlier : query) {
                if (earlier.getKey().equalsIgnoreCase(decoded.getKey())) {
                    throw ServiceError.invalidQueryParameterValue(decoded.getKey(), decoded.getValue(),
                            "The query parameter is specified more than once.");
                }
            }
            query.add(decoded);
        }
        return query;
    }

    private static Reply errorReply(ServiceError error, String requestId) {
        byte[] body = ErrorBody.write(error.code(), error.getMessage(), error.details(), requestId,
                WireFormats.iso7(Instant.now()));
        Reply reply = Reply.status(error.status()).body("application/xml", body).header("x-ms-error-code", error.code());
        error.replyHeaders().forEach(reply::header);
        return reply;
    }

    /** Adds the headers every answer carries, lets the rewrites see the complete answer, and sends it. */
    private void write(Reply reply, String requestId, ServiceRequest parsed, HttpFields requestHeaders, boolean head,
                       Response response, Callback callback) {
        reply.header("x-ms-request-id", requestId);
        String version = echoedVersion(requestHeaders.get("x-ms-version"));
        if (version != null) {
            reply.header("x-ms-version", version);
        }
        String clientRequestId = requestHeaders.get("x-ms-client-request-id");
        if (clientRequestId != null && echoable(clientRequestId)) {
            reply.header("x-ms-client-request-id", clientRequestId);
        }
        reply.header(HttpHeader.DATE.asString(), WireFormats.rfc1123Now());
        reply.header(HttpHeader.SERVER.asString(), serverHeader);
        context.rewrites().answer(context, parsed, requestHeaders, reply);

        response.setStatus(reply.status());
        HttpFields.Mutable out = response.getHeaders();
        reply.headers().forEach(out::put);
        if (reply.contentType() != null) {
            out.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        out.put(HttpHeader.CONTENT_LENGTH, reply.contentLength());
        ByteBuffer content = head || reply.body().length == 0 ? ByteBuffer.allocate(0) : ByteBuffer.wrap(reply.body());
        response.write(true, content, callback);
    }

    /** Echoed only when at most 1024 visible ASCII characters, as DOC-FCH says. */
    private static boolean echoable(String clientRequestId) {
        return clientRequestId.length() <= MAX_CLIENT_REQUEST_ID && clientRequestId.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    /** Answers a request Jetty refused before it reached {@link #handle} (a malformed URI, say) like any other refusal. */
    void writeJettyError(ServiceError error, Request request, Response response, Callback callback) {
        String requestId = newRequestId();
        // Jetty drops the connection after refusing a request itself: say so, or a pooling client reuses a dead socket.
        Reply reply = errorReply(context.rewrites().refusal(context, null, error), requestId).header("Connection", "close");
        write(reply, requestId, null, request.getHeaders(), "HEAD".equals(request.getMethod()), response, callback);
    }
}
