package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Node;
import io.handlestck.server.model.Share;
import java.util.List;
import java.util.regex.Pattern;

/** File Create ({@code PUT}, {@code x-ms-type: file}), Get Properties ({@code HEAD}/{@code GET}) and Delete. */
public final class FileOperations {

    /** The largest file Azure Files holds: 4 TiB. */
    private static final long MAX_LENGTH = 4L << 40;

    /** The most a Get File returns: the content is synthesized zeros, so bigger reads only cost memory. */
    private static final long MAX_READ = 16L << 20;
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,15}");

    private final ServerContext context;

    public FileOperations(ServerContext context) {
        this.context = context;
    }

    public Reply create(ServiceRequest request) {
        Resources.refuseSnapshot(request);
        String type = request.header("x-ms-type");
        if (type == null) {
            throw ServiceError.missingRequiredHeader("x-ms-type");
        }
        if (!type.trim().equalsIgnoreCase("file")) {
            throw ServiceError.invalidHeaderValue("x-ms-type", type);
        }
        String length = request.header("x-ms-content-length");
        if (length == null) {
            throw ServiceError.missingRequiredHeader("x-ms-content-length");
        }
        long contentLength = parseLength(length);
        Share share = Resources.share(context, request);
        List<String> path = Resources.path(request);
        Node file = share.live().createFile(path, contentLength);
        return NodeHeaders.add(Reply.status(201), file);
    }

    /**
     * Get File Properties ({@code HEAD}), or Get File ({@code GET}). The reference server keeps no
     * file data, only what the handle operations need, so a file reads as zeros; reads are served
     * up to {@link #MAX_READ} bytes.
     */
    public Reply properties(ServiceRequest request) {
        Share share = Resources.share(context, request);
        Node node = Resources.namespace(share, request).require(Resources.path(request));
        if (node.isDirectory()) {
            throw ServiceError.resourceNotFound();
        }
        Reply reply = NodeHeaders.properties(Reply.status(200), node).header("x-ms-type", "File");
        if (request.method().equals("HEAD")) {
            return reply.headContentLength(node.contentLength());
        }
        if (node.contentLength() > MAX_READ) {
            throw ServiceError.invalidInput("The reference server serves file content up to " + MAX_READ + " bytes.");
        }
        return reply.body("application/octet-stream", new byte[(int) node.contentLength()]);
    }

    public Reply delete(ServiceRequest request) {
        Resources.refuseSnapshot(request);
        Share share = Resources.share(context, request);
        share.live().delete(Resources.path(request), false);
        return Reply.status(202);
    }

    private static long parseLength(String value) {
        String trimmed = value.trim();
        if (!LENGTH.matcher(trimmed).matches()) {
            throw ServiceError.invalidHeaderValue("x-ms-content-length", value);
        }
        long length = Long.parseLong(trimmed);
        if (length > MAX_LENGTH) {
            throw ServiceError.invalidHeaderValue("x-ms-content-length", value);
        }
        return length;
    }
}
