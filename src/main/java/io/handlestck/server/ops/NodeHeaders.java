package io.handlestck.server.ops;

import io.handlestck.server.http.Reply;
import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Node;

/** The SMB property headers the service returns for a file or directory (create, properties, rename). */
final class NodeHeaders {

    /** Every node shares the default security descriptor; the key has the service's {@code n*n} shape. */
    private static final String PERMISSION_KEY = "14438882940201373875*11581588750433322810";

    private NodeHeaders() {
    }

    /** Headers of a create or rename answer. */
    static Reply add(Reply reply, Node node) {
        return common(reply, node).header("x-ms-request-server-encrypted", "true");
    }

    /** Headers of a Get Properties answer: the same, with {@code x-ms-server-encrypted} as the service names it there. */
    static Reply properties(Reply reply, Node node) {
        return common(reply, node).header("x-ms-server-encrypted", "true");
    }

    private static Reply common(Reply reply, Node node) {
        String time = WireFormats.iso7(node.lastModified());
        return reply.header("ETag", node.etag())
                .header("Last-Modified", WireFormats.rfc1123(node.lastModified()))
                .header("x-ms-file-id", Long.toUnsignedString(node.fileId()))
                .header("x-ms-file-parent-id", Long.toUnsignedString(node.parentId()))
                .header("x-ms-file-attributes", node.isDirectory() ? "Directory" : "Archive")
                .header("x-ms-file-creation-time", time)
                .header("x-ms-file-last-write-time", time)
                .header("x-ms-file-change-time", time)
                .header("x-ms-file-permission-key", PERMISSION_KEY);
    }
}
