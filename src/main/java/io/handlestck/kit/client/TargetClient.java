package io.handlestck.kit.client;

import io.handlestck.kit.result.Exchange;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HeaderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The kit's HTTP client for one target: REST Assured requests with the pinned {@code x-ms-version},
 * signed on send, every exchange recorded (scrubbed) into the owning case's trace. The operation
 * methods return the raw {@link Response} so that a case asserts on exactly what came back; they
 * never judge it.
 */
public final class TargetClient {

    /** How often {@link #forceCloseAll} and {@link #listAll} follow markers before calling the target looping. */
    public static final int MAX_PAGES = 10_000;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final Target target;
    private final Scrubber scrubber;
    private final Consumer<Exchange> sink;
    private final RestAssuredConfig config;

    /** @param sink receives every exchange, already scrubbed */
    public TargetClient(Target target, Consumer<Exchange> sink) {
        this.target = target;
        this.scrubber = new Scrubber(List.of(target.key()));
        this.sink = sink;
        this.config = RestAssuredConfig.config()
                // The kit states every Content-Type it sends; a charset appended behind its back would break the signature.
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
                // A case that sets x-ms-version or a client request id replaces the kit's value instead of adding a second one.
                .headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("x-ms-version", "x-ms-date",
                        "Authorization", "x-ms-client-request-id", "Content-Type"))
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", CONNECT_TIMEOUT_MILLIS)
                        .setParam("http.socket.timeout", READ_TIMEOUT_MILLIS));
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
    public RequestSpecification request() {
        return request(Signing.sharedKey());
    }

    /**
     * A request authorized as {@code signing} says. URL encoding is off: build URLs with {@link #url}
     * and {@link #withQuery}, which encode exactly once.
     */
    public RequestSpecification request(Signing signing) {
        return RestAssured.given()
                .config(config)
                .urlEncodingEnabled(false)
                .header("x-ms-version", target.version())
                .filter(new SharedKeySigner(signing.account() != null ? signing.account() : target.account(),
                        target.key(), signing))
                .filter(new ExchangeRecorder(scrubber, sink));
    }

    public Response createShare(String share) {
        return request().put(withQuery(url(share, ""), "restype", "share"));
    }

    /** Deletes the share and, so that nothing is left behind, its snapshots. */
    public Response deleteShare(String share) {
        return request().header("x-ms-delete-snapshots", "include").delete(withQuery(url(share, ""), "restype", "share"));
    }

    /** Takes a share snapshot; the answer's {@code x-ms-snapshot} names it. */
    public Response createSnapshot(String share) {
        return request().put(withQuery(url(share, ""), "restype", "share", "comp", "snapshot"));
    }

    public Response createDirectory(String share, String path) {
        return request()
                .header("x-ms-file-attributes", "Directory")
                .header("x-ms-file-creation-time", "now")
                .header("x-ms-file-last-write-time", "now")
                .header("x-ms-file-permission", "inherit")
                .put(withQuery(url(share, path), "restype", "directory"));
    }

    /** Creates an empty file. */
    public Response createFile(String share, String path) {
        return request()
                .header("x-ms-type", "file")
                .header("x-ms-content-length", "0")
                .header("x-ms-file-attributes", "None")
                .header("x-ms-file-creation-time", "now")
                .header("x-ms-file-last-write-time", "now")
                .header("x-ms-file-permission", "inherit")
                .put(url(share, path));
    }

    public Response deleteFile(String share, String path) {
        return request().delete(url(share, path));
    }

    public Response deleteDirectory(String share, String path) {
        return request().delete(withQuery(url(share, path), "restype", "directory"));
    }

    /** Renames a file or directory inside {@code share}: {@code PUT destination?comp=rename} naming the source. */
    public Response rename(String share, String source, String destination, boolean directory) {
        String url = directory ? withQuery(url(share, destination), "restype", "directory", "comp", "rename")
                : withQuery(url(share, destination), "comp", "rename");
        return request().header("x-ms-file-rename-source", url(share, source)).put(url);
    }

    public Response listHandles(ListHandlesCall call) {
        return listHandles(call, Signing.sharedKey());
    }

    /** List Handles authorized as {@code signing} says (protocol cases send deliberately wrong ones). */
    public Response listHandles(ListHandlesCall call, Signing signing) {
        RequestSpecification request = request(signing);
        if (call.recursive() != null) {
            request.header("x-ms-recursive", call.recursive());
        }
        call.headers().forEach(request::header);
        return request.get(withQuery(url(call.share(), call.path()), "comp", "listhandles", "maxresults",
                call.maxResults(), "marker", call.marker(), "sharesnapshot", call.snapshot(), "timeout", call.timeout()));
    }

    public Response forceClose(ForceCloseCall call) {
        return forceClose(call, Signing.sharedKey());
    }

    /** Force Close Handles authorized as {@code signing} says (protocol cases send deliberately wrong ones). */
    public Response forceClose(ForceCloseCall call, Signing signing) {
        RequestSpecification request = request(signing);
        if (call.handleId() != null) {
            request.header("x-ms-handle-id", call.handleId());
        }
        if (call.recursive() != null) {
            request.header("x-ms-recursive", call.recursive());
        }
        call.headers().forEach(request::header);
        return request.put(withQuery(url(call.share(), call.path()), "comp", "forceclosehandles", "marker",
                call.marker(), "sharesnapshot", call.snapshot(), "timeout", call.timeout()));
    }

    /**
     * Force-closes page after page, re-sending {@code x-ms-marker} as {@code marker}, until a call
     * answers without a marker or with an error. Fails when the target never stops handing out markers.
     *
     * @return one result per call, in order
     */
    public List<ForceCloseResult> forceCloseAll(ForceCloseCall call) {
        List<ForceCloseResult> pages = new ArrayList<>();
        ForceCloseCall next = call;
        while (true) {
            ForceCloseResult page = ForceCloseResult.of(forceClose(next));
            pages.add(page);
            if (page.status() != 200 || page.marker() == null || page.marker().isEmpty()) {
                return pages;
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
            if (pages.size() >= MAX_PAGES) {
                throw new AssertionError("List Handles still returned a NextMarker after " + MAX_PAGES + " pages");
            }
            next = next.marker(page.nextMarker());
        }
    }

    /** The URL of the Handle Fixture Protocol resource {@code rest} (e.g. {@code /handles}). */
    public String fixturesUrl(String rest) {
        return target.endpoint() + "/$fixtures" + rest;
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
