package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Node;
import io.handlestck.server.model.Share;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * File and Directory Rename ({@code PUT …?comp=rename} with {@code x-ms-file-rename-source}): the
 * request URL names the destination, the header the source, within one share. Open handles on the
 * source (or below a source directory) block it with 409 SharingViolation until force-closed.
 */
public final class RenameOperation {

    private final ServerContext context;

    public RenameOperation(ServerContext context) {
        this.context = context;
    }

    public Reply rename(ServiceRequest request) {
        Resources.refuseSnapshot(request);
        String source = request.header("x-ms-file-rename-source");
        if (source == null) {
            throw ServiceError.missingRequiredHeader("x-ms-file-rename-source");
        }
        Share share = Resources.share(context, request);
        List<String> destination = Resources.path(request);
        if (destination.isEmpty()) {
            throw ServiceError.invalidUri("The share root cannot be a rename destination.");
        }
        List<String> sourcePath = sourcePath(request, source, share);
        Boolean replace = Resources.booleanHeader(request, "x-ms-file-rename-replace-if-exists");
        Node renamed = share.live().rename(sourcePath, destination, Boolean.TRUE.equals(replace));
        return NodeHeaders.add(Reply.status(200), renamed);
    }

    /**
     * The source's path below the share. The header holds a URL (the SDKs send the full one), or a
     * path; for a path-style endpoint its first segment is the account, as in the request URL.
     */
    private List<String> sourcePath(ServiceRequest request, String source, Share share) {
        String rawPath;
        try {
            URI uri = new URI(source.trim());
            rawPath = uri.getRawPath();
            if (rawPath == null) {
                throw ServiceError.invalidHeaderValue("x-ms-file-rename-source", source);
            }
        } catch (URISyntaxException e) {
            throw ServiceError.invalidHeaderValue("x-ms-file-rename-source", source);
        }
        String decodedPath;
        try {
            decodedPath = WireFormats.decodePath(rawPath.replaceFirst("^/+", ""));
        } catch (IllegalArgumentException e) {
            throw ServiceError.invalidHeaderValue("x-ms-file-rename-source", source);
        }
        List<String> segments = new ArrayList<>(Arrays.asList(decodedPath.split("/", -1)));
        if (request.pathStyle() && segments.size() > 1 && segments.get(0).equals(request.account())) {
            segments.remove(0);
        }
        if (segments.isEmpty() || !segments.get(0).equalsIgnoreCase(share.name())) {
            throw ServiceError.invalidInput("The rename source must be in the same share as the destination.");
        }
        List<String> decoded = segments.subList(1, segments.size());
        List<String> path = Resources.validatePath(decoded, false);
        if (path.isEmpty()) {
            throw ServiceError.invalidInput("The share root cannot be renamed.");
        }
        return path;
    }
}
