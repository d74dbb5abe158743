package io.handlestck.kit.client;

import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.provision.ProvisionerContext;
import io.handlestck.kit.result.Exchange;
import io.handlestck.kit.rules.ResponseRules;
import io.handlestck.sharedkey.CanonicalRequest;
import io.restassured.builder.ResponseBuilder;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The kit's one way to a target: every request the kit sends (the operations, {@link #request()} for
 * anything else, the fixture protocol, cleanup, vendor provisioners through {@link #provisioning})
 * goes out here, over the JDK's HTTP client with keep-alive, with the pinned {@code x-ms-version},
 * signed as its {@link Signing} says and recorded (scrubbed) into the owning case's trace. What comes
 * back is an {@link Answer}; cases receive it as a REST Assured {@link Response} built from that same
 * answer, so that they assert in REST Assured's vocabulary, but REST Assured never sends anything.
 * The operation methods return the raw answer so that a case asserts on exactly what came back; they
 * never judge it.
 */
public final class TargetClient {

    /** How often {@link #forceCloseAll} and {@link #listAll} follow markers before calling the target looping. */
    public static final int MAX_PAGES = 2_000;

    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final Target target;
    private final Scrubber scrubber;
    private final Consumer<Exchange> sink;

    /** @param sink receives every exchange, already scrubbed */
    public TargetClient(Target target, Consumer<Exchange> sink) {
        this.target = target;
        this.scrubber = new Scrubber(target.secrets());
        // Every answer is recorded first, then held to the rules of every answer (issue 12).
        this.sink = sink.andThen(ResponseRules::check);
    }

    public Target target() {
        return target;
    }

    public URI endpoint() {
        return target.endpoint();
    }

    public String account() {
        return target.account();
    }

    public String version() {
        return target.version();
    }

    /** The scrubber this client records with; reports use the same one for anything else they print. */
    public Scrubber scrubber() {
        return scrubber;
    }

    /** The encoded URL of a share, a directory or a file ({@code path} "" is the share root). */
    public String url(String share, String path) {
        return target.url(share, path);
    }

    /** A correctly signed request; the caller picks method and URL (see {@link #url}). */
    public KitRequest request() {
        return request(Signing.sharedKey());
    }

    /**
     * A request authorized as {@code signing} says. URLs are sent as given: build them with {@link #url}
     * and {@link #withQuery}, which encode exactly once.
     */
    public KitRequest request(Signing signing) {
        return new KitRequest(this, signing);
    }

    /**
     * This client as a provisioner sees it ({@link ProvisionerContext}): the target, the run's
     * configuration, and requests signed with SharedKey and recorded like any other.
     */
    public ProvisionerContext provisioning(KitConfig config) {
        TargetClient client = this;
        return new ProvisionerContext() {
            @Override
            public Target target() {
                return client.target;
            }

            @Override
            public KitConfig config() {
                return config;
            }

            @Override
            public Answer send(String method, String url, Map<String, String> headers, String contentType, byte[] body) {
                return client.exchange(Signing.sharedKey(), method, url, headers, contentType, body);
            }
        };
    }

    public Response createShare(String share) {
        return send("PUT", withQuery(url(share, ""), "restype", "share"), Map.of());
    }

    /** Deletes the share and, so that nothing is left behind, its snapshots. */
    public Response deleteShare(String share) {
        return send("DELETE", withQuery(url(share, ""), "restype", "share"), Map.of("x-ms-delete-snapshots", "include"));
    }

    /** Takes a share snapshot; the answer's {@code x-ms-snapshot} names it. */
    public Response createSnapshot(String share) {
        return send("PUT", withQuery(url(share, ""), "restype", "share", "comp", "snapshot"), Map.of());
    }

    public Response createDirectory(String share, String path) {
        return createDirectory(share, null, path);
    }

    /** Create Directory in a share snapshot ({@code null}: the live share), where the service refuses it. */
    public Response createDirectory(String share, String snapshot, String path) {
        return send("PUT", withQuery(url(share, path), "restype", "directory", "sharesnapshot", snapshot), Map.of(
                "x-ms-file-attributes", "Directory",
                "x-ms-file-creation-time", "now",
                "x-ms-file-last-write-time", "now",
                "x-ms-file-permission", "inherit"));
    }

    /** Creates an empty file. */
    public Response createFile(String share, String path) {
        return createFile(share, null, path);
    }

    /** Create File (empty) in a share snapshot ({@code null}: the live share), where the service refuses it. */
    public Response createFile(String share, String snapshot, String path) {
        return send("PUT", withQuery(url(share, path), "sharesnapshot", snapshot), Map.of(
                "x-ms-type", "file",
                "x-ms-content-length", "0",
                "x-ms-file-attributes", "None",
                "x-ms-file-creation-time", "now",
                "x-ms-file-last-write-time", "now",
                "x-ms-file-permission", "inherit"));
    }

    public Response deleteFile(String share, String path) {
        return deleteFile(share, null, path);
    }

    /** Delete File in a share snapshot ({@code null}: the live share), where the service refuses it. */
    public Response deleteFile(String share, String snapshot, String path) {
        return send("DELETE", withQuery(url(share, path), "sharesnapshot", snapshot), Map.of());
    }

    public Response deleteDirectory(String share, String path) {
        return deleteDirectory(share, null, path);
    }

    /** Delete Directory in a share snapshot ({@code null}: the live share), where the service refuses it. */
    public Response deleteDirectory(String share, String snapshot, String path) {
        return send("DELETE", withQuery(url(share, path), "restype", "directory", "sharesnapshot", snapshot), Map.of());
    }

    /** Renames a file or directory inside {@code share}: {@code PUT destination?comp=rename} naming the source. */
    public Response rename(String share, String source, String destination, boolean directory) {
        String url = directory ? withQuery(url(share, destination), "restype", "directory", "comp", "rename")
                : withQuery(url(share, destination), "comp", "rename");
        return send("PUT", url, Map.of("x-ms-file-rename-source", url(share, source)));
    }

    /** Renames a file onto the name of an existing file, replacing it ({@code x-ms-file-rename-replace-if-exists: true}). */
    public Response renameReplacing(String share, String source, String destination) {
        return send("PUT", withQuery(url(share, destination), "comp", "rename"), Map.of(
                "x-ms-file-rename-source", url(share, source),
                "x-ms-file-rename-replace-if-exists", "true"));
    }

    public Response listHandles(ListHandlesCall call) {
        return listHandles(call, Signing.sharedKey());
    }

    /** List Handles authorized as {@code signing} says (protocol cases send deliberately wrong ones). */
    public Response listHandles(ListHandlesCall call, Signing signing) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (call.recursive() != null) {
            headers.put("x-ms-recursive", call.recursive());
        }
        headers.putAll(call.headers());
        return send(signing, "GET", withQuery(url(call.share(), call.path()), "comp", HandleOperation.LIST_HANDLES.comp(), "maxresults",
                call.maxResults(), "marker", call.marker(), "sharesnapshot", call.snapshot(), "timeout", call.timeout()),
                headers, null, null);
    }

    public Response forceClose(ForceCloseCall call) {
        return forceClose(call, Signing.sharedKey());
    }

    /** Force Close Handles authorized as {@code signing} says (protocol cases send deliberately wrong ones). */
    public Response forceClose(ForceCloseCall call, Signing signing) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (call.handleId() != null) {
            headers.put("x-ms-handle-id", call.handleId());
        }
        if (call.recursive() != null) {
            headers.put("x-ms-recursive", call.recursive());
        }
        headers.putAll(call.headers());
        return send(signing, "PUT", withQuery(url(call.share(), call.path()), "comp", HandleOperation.FORCE_CLOSE_HANDLES.comp(), "marker",
                call.marker(), "sharesnapshot", call.snapshot(), "timeout", call.timeout()), headers, null, null);
    }

    /** A correctly signed request without a body; see {@link #send(Signing, String, String, Map, String, byte[])}. */
    public Response send(String method, String url, Map<String, String> headers) {
        return send(Signing.sharedKey(), method, url, headers, null, null);
    }

    /**
     * Sends one request and answers it as a REST Assured {@link Response} for the case to assert on;
     * see {@link #exchange}.
     */
    public Response send(Signing signing, String method, String url, Map<String, String> headers, String contentType,
                         byte[] body) {
        Answer answer = exchange(signing, method, url, headers, contentType, body);
        List<Header> responseHeaders = new ArrayList<>();
        answer.headers().forEach((name, values) -> values.forEach(value -> responseHeaders.add(new Header(name, value))));
        return new ResponseBuilder().clone(ResponseTemplate.RESPONSE)
                .setStatusCode(answer.status())
                .setStatusLine("HTTP/1.1 " + answer.status())
                .setHeaders(new Headers(responseHeaders))
                .setContentType(answer.header("Content-Type").orElse(""))
                .setBody(answer.body())
                .build();
    }

    /**
     * What every built Response starts from. A ResponseBuilder without one gives each response a
     * configuration of its own, about thirty objects whose constructors check their arguments through
     * Groovy call sites: a twentieth of a kit run's Java samples (bench/history.md). Cloning copies
     * the configuration by reference; REST Assured's configurations are immutable and cases never register
     * parsers, so sharing it between threads is safe.
     */
    private static final class ResponseTemplate {
        static final Response RESPONSE = new ResponseBuilder().setStatusCode(200).setBody(new byte[0]).build();
    }

    /**
     * Sends one request: signed with {@link SharedKeySigner}'s rules and recorded like every other
     * exchange, over the JDK's HTTP client with keep-alive. A header the JDK client refuses to send (a
     * control character, a restricted name) is a bug of the case that asked for it, reported as such.
     *
     * @param url         encoded, as built by {@link #url} and {@link #withQuery}
     * @param contentType the body's type, or null without a body
     * @param body        the request body, or null
     */
    public Answer exchange(Signing signing, String method, String url, Map<String, String> headers, String contentType,
                           byte[] body) {
        Map<String, String> sent = new LinkedHashMap<>();
        if (signing.versionHeader()) {
            sent.put("x-ms-version", target.version());
        }
        sent.putAll(headers);
        if (signing.dateHeader()) {
            sent.put("x-ms-date", SharedKeySigner.date(signing));
        }
        if (contentType != null) {
            sent.put("Content-Type", contentType);
        }
        URI uri = URI.create(url);
        if (signing.scheme() == Signing.Scheme.BEARER) {
            sent.putAll(BearerAuthorization.headers(signing, target.bearerToken()));
        } else if (signing.scheme() != Signing.Scheme.NONE) {
            Map<String, String> signed = new LinkedHashMap<>(sent);
            signed.put("Content-Length", Integer.toString(body == null ? 0 : body.length));
            String account = signing.account() != null ? signing.account() : target.account();
            sent.put("Authorization", SharedKeySigner.authorization(account, target.key(), signing, new CanonicalRequest(
                    method, signed, uri.getRawPath() == null ? "" : uri.getRawPath(),
                    SharedKeySigner.decodedQuery(uri.getRawQuery()))));
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(READ_TIMEOUT_MILLIS))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            sent.forEach((name, value) -> builder.header(name, onTheWire(value)));
            request = builder.build();
        } catch (IllegalArgumentException refusedByTheJdkClient) {
            throw new IllegalStateException("the kit cannot send " + method + " " + scrubber.text(url) + ": "
                    + refusedByTheJdkClient.getMessage(), refusedByTheJdkClient);
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = SharedHttpClients.forScheme(uri.getScheme()).send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + scrubber.text(url) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + method + " " + scrubber.text(url), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, List<String>> recordedResponseHeaders = new LinkedHashMap<>(response.headers().map());
        Map<String, List<String>> recordedRequestHeaders = new LinkedHashMap<>();
        sent.forEach((name, value) -> recordedRequestHeaders.put(name, List.of(value)));
        sink.accept(ExchangeRecorder.exchange(scrubber, method, url, recordedRequestHeaders, body, response.statusCode(),
                recordedResponseHeaders, response.body(), millis));
        return new Answer(response.statusCode(), recordedResponseHeaders, response.body());
    }

    /**
     * A header value as HTTP/1.1 carries it: octets. A value beyond ASCII (a malformed-input case sends
     * some) goes out as its UTF-8 bytes, which the JDK client accepts as obs-text, one byte per char.
     */
    private static String onTheWire(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return value;
    }

    /**
     * Force-closes page after page, re-sending {@code x-ms-marker} as {@code marker}, until a call
     * answers without a marker or with an error. Fails when the target hands out a marker twice or
     * never stops handing out markers.
     *
     * @return one result per call, in order
     */
    public List<ForceCloseResult> forceCloseAll(ForceCloseCall call) {
        List<ForceCloseResult> pages = new ArrayList<>();
        Set<String> markers = new HashSet<>();
        ForceCloseCall next = call;
        while (true) {
            ForceCloseResult page = ForceCloseResult.of(forceClose(next));
            pages.add(page);
            if (page.status() != 200 || page.marker() == null || page.marker().isEmpty()) {
                return pages;
            }
            if (!markers.add(page.marker())) {
                throw new AssertionError("Force Close Handles returned x-ms-marker " + page.marker()
                        + " a second time: following it would never end");
            }
            if (pages.size() >= MAX_PAGES) {
                throw new AssertionError("Force Close Handles still returned x-ms-marker after " + MAX_PAGES + " calls");
            }
            next = next.marker(page.marker());
        }
    }

    /**
     * Lists page after page following {@code NextMarker} until it is empty. Fails on a non-200 answer
     * or when the target never stops handing out markers.
     */
    public List<HandleListing> listAll(ListHandlesCall call) {
        List<HandleListing> pages = new ArrayList<>();
        Set<String> markers = new HashSet<>();
        ListHandlesCall next = call;
        while (true) {
            Response response = listHandles(next);
            if (response.getStatusCode() != 200) {
                throw new AssertionError("List Handles page " + (pages.size() + 1) + " answered "
                        + response.getStatusCode() + ": " + response.asString());
            }
            HandleListing page = HandleListing.of(response);
            pages.add(page);
            if (page.complete()) {
                return pages;
            }
            if (!markers.add(page.nextMarker())) {
                throw new AssertionError("List Handles returned NextMarker " + page.nextMarker()
                        + " a second time: following it would never end");
            }
            if (pages.size() >= MAX_PAGES) {
                throw new AssertionError("List Handles still returned a NextMarker after " + MAX_PAGES + " pages");
            }
            next = next.marker(page.nextMarker());
        }
    }

    /**
     * For a JVM about to exit once every run is done: ends the shared HTTP clients' selector threads,
     * which would otherwise hold the exit for 0.3 s. No request may follow.
     */
    public static void releaseBeforeExit() {
        SharedHttpClients.stopSelectorThreads();
    }

    /**
     * Appends query parameters to a URL, percent-encoding each value; pairs whose value is null are
     * left out, so optional parameters can be passed unconditionally.
     */
    public static String withQuery(String url, String... namesAndValues) {
        StringBuilder out = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.append(separator).append(namesAndValues[i]).append('=')
                        .append(UrlPaths.encodeSegment(namesAndValues[i + 1]));
                separator = '&';
            }
        }
        return out.toString();
    }
}
