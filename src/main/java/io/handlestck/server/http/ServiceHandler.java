package io.handlestck.server.http;

import io.handlestck.server.ServerContext;
import io.handlestck.server.auth.Authenticator;
import io.handlestck.server.defects.Defect;
import io.handlestck.server.ops.FixtureOperations;
import io.handlestck.server.xml.ErrorBody;
import java.io.IOException;
import java.io.InputStream;
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
    private final String fixedRequestId = UUID.randomUUID().toString();

    public ServiceHandler(ServerContext context, String serverHeader) {
        this.context = context;
        this.serverHeader = serverHeader;
        this.authenticator = new Authenticator(context.settings().account(), context.settings().key(), context.settings().defects());
        this.router = new Router(context);
        this.fixtures = new FixtureOperations(context);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = context.defect(Defect.REQUEST_ID_REUSED) ? fixedRequestId : newRequestId();
        String method = request.getMethod();
        HttpFields headers = request.getHeaders();
        Reply reply;
        try {
            if (HEALTH_PATH.equals(request.getHttpURI().getPath()) && (method.equals("GET") || method.equals("HEAD"))) {
                reply = Reply.status(200).body("application/json", HEALTH_BODY);
            } else {
                reply = process(parse(request));
            }
        } catch (ServiceError error) {
            reply = errorReply(error, requestId);
        } catch (RuntimeException | IOException bug) {
            LOG.error("request {} {} failed inside the server", method, request.getHttpURI(), bug);
            reply = errorReply(new ServiceError(500, "InternalError",
                    "Server encountered an internal error. Please try again after some time."), requestId);
        }
        write(reply, requestId, echoedVersion(headers.get("x-ms-version")), headers.get("x-ms-client-request-id"),
                method.equals("HEAD"), response, callback);
        return true;
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
        if (context.defect(Defect.VERSION_ECHO_FIXED)
                || (version == null && context.defect(Defect.MISSING_VERSION_ACCEPTED))) {
            return ApiVersions.NEWEST;
        }
        if (version == null) {
            return null;
        }
        String trimmed = version.trim();
        return ApiVersions.isKnown(trimmed) || context.defect(Defect.UNKNOWN_VERSION_ACCEPTED) ? trimmed : null;
    }

    private Reply process(ServiceRequest request) {
        authenticator.authenticate(request);
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
            if (!fixtureRequest && context.defect(Defect.MISSING_VERSION_ACCEPTED)) {
                request.version(ApiVersions.NEWEST);
            } else if (!fixtureRequest) {
                throw ServiceError.missingRequiredHeader("x-ms-version");
            }
            return;
        }
        version = version.trim();
        if (ApiVersions.isKnown(version) || (!fixtureRequest && context.defect(Defect.UNKNOWN_VERSION_ACCEPTED))) {
            request.version(version);
        } else if (!fixtureRequest) {
            throw ServiceError.invalidHeaderValue("x-ms-version", version);
        }
    }

    private void checkTimeout(ServiceRequest request) {
        String timeout = request.query("timeout");
        if (timeout != null && !TIMEOUT.matcher(timeout).matches() && !context.defect(Defect.NEGATIVE_TIMEOUT_ACCEPTED)) {
            throw ServiceError.invalidQueryParameterValue("timeout", timeout, "timeout must be a non-negative integer of seconds.");
        }
    }

    private ServiceRequest parse(Request request) throws IOException {
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
        Matcher host = HOST_STYLE.matcher(Request.getServerName(request));
        if (host.matches()) {
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
                parseQuery(request.getHttpURI().getQuery()), account, share, List.copyOf(segments), readBody(request),
                pathStyle, Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request));
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
            if (query.stream().anyMatch(earlier -> earlier.getKey().equalsIgnoreCase(decoded.getKey()))) {
                throw ServiceError.invalidQueryParameterValue(decoded.getKey(), decoded.getValue(),
                        "The query parameter is specified more than once.");
            }
            query.add(decoded);
        }
        return query;
    }

    private static byte[] readBody(Request request) throws IOException {
        HttpFields headers = request.getHeaders();
        if (headers.getLongField(HttpHeader.CONTENT_LENGTH) <= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            return NO_BODY; // most requests: no buffer to allocate, nothing to wait for
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException broken) {
            // A body that ends early or is badly chunked is the client's fault (the fuzzer found a 500 here).
            throw new ServiceError(400, "InvalidInput", "One of the request inputs is not valid. The request body could not be read.");
        }
        if (body.length > MAX_BODY) {
            throw new ServiceError(413, "RequestBodyTooLarge", "The request body is too large and exceeds the maximum permissible limit.");
        }
        return body;
    }

    private Reply errorReply(ServiceError error, String requestId) {
        byte[] body = ErrorBody.write(error.code(), error.getMessage(), error.details(), requestId,
                WireFormats.iso7(Instant.now()), !context.defect(Defect.NO_BOM));
        Reply reply = Reply.status(error.status()).body("application/xml", body);
        if (!context.defect(Defect.ERROR_CODE_HEADER_MISSING)) {
            reply.header("x-ms-error-code", error.code());
        }
        return reply;
    }

    private void write(Reply reply, String requestId, String version, String clientRequestId, boolean head,
                       Response response, Callback callback) {
        response.setStatus(reply.status());
        HttpFields.Mutable out = response.getHeaders();
        reply.headers().forEach(out::put);
        out.put("x-ms-request-id", requestId);
        if (version != null) {
            out.put("x-ms-version", version);
        }
        if (clientRequestId != null && echoable(clientRequestId)) {
            out.put("x-ms-client-request-id", clientRequestId);
        } else if (clientRequestId == null && context.defect(Defect.CLIENT_REQUEST_ID_INVENTED)) {
            out.put("x-ms-client-request-id", requestId);
        }
        out.put(HttpHeader.DATE, context.defect(Defect.DATE_ISO8601) ? WireFormats.iso7(Instant.now()) : WireFormats.rfc1123Now());
        out.put(HttpHeader.SERVER, serverHeader);
        if (reply.contentType() != null) {
            out.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        out.put(HttpHeader.CONTENT_LENGTH, reply.contentLength());
        ByteBuffer content = head || reply.body().length == 0 ? ByteBuffer.allocate(0) : ByteBuffer.wrap(reply.body());
        response.write(true, content, callback);
    }

    /** Echoed only when at most 1024 visible ASCII characters, as DOC-FCH says (and unless a defect drops or stretches it). */
    private boolean echoable(String clientRequestId) {
        if (context.defect(Defect.CLIENT_REQUEST_ID_NOT_ECHOED)) {
            return false;
        }
        if (clientRequestId.length() > MAX_CLIENT_REQUEST_ID && !context.defect(Defect.CLIENT_REQUEST_ID_NOT_LIMITED)) {
            return false;
        }
        return clientRequestId.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    /** Answers a request Jetty refused before it reached {@link #handle} (a malformed URI, say) like any other refusal. */
    void writeJettyError(ServiceError error, Request request, Response response, Callback callback) {
        String requestId = newRequestId();
        HttpFields headers = request.getHeaders();
        // Jetty drops the connection after refusing a request itself: say so, or a pooling client reuses a dead socket.
        Reply reply = errorReply(error, requestId).header("Connection", "close");
        write(reply, requestId, echoedVersion(headers.get("x-ms-version")),
                headers.get("x-ms-client-request-id"), "HEAD".equals(request.getMethod()), response, callback);
    }
}
