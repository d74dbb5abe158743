package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.Namespace;
import io.handlestck.server.model.Share;
import java.util.Locale;

/** Share Create, Delete, Create Snapshot and Get Properties ({@code ?restype=share}). */
public final class ShareOperations {

    private final ServerContext context;

    public ShareOperations(ServerContext context) {
        this.context = context;
    }

    public Reply create(ServiceRequest request) {
        Resources.refuseSnapshot(request);
        Share share = context.account().createShare(Resources.shareName(request));
        if (share == null) {
            throw new ServiceError(409, "ShareAlreadyExists", "The specified share already exists.");
        }
        return Reply.status(201).header("ETag", share.etag()).header("Last-Modified", WireFormats.rfc1123(share.created()));
    }

    /** Deletes a snapshot ({@code sharesnapshot}), or the share: 409 ShareHasSnapshots unless {@code x-ms-delete-snapshots} includes them. */
    public Reply delete(ServiceRequest request) {
        Share share = Resources.share(context, request);
        String snapshot = request.query("sharesnapshot");
        if (snapshot != null) {
            if (!share.deleteSnapshot(Resources.canonicalSnapshot(snapshot))) {
                throw ServiceError.shareNotFound();
            }
            return Reply.status(202);
        }
        String deleteSnapshots = request.header("x-ms-delete-snapshots");
        boolean include = false;
        if (deleteSnapshots != null) {
            switch (deleteSnapshots.trim().toLowerCase(Locale.ROOT)) {
                case "include", "include-leased" -> include = true;
                default -> throw ServiceError.invalidHeaderValue("x-ms-delete-snapshots", deleteSnapshots);
            }
        }
        if (share.hasSnapshots() && !include) {
            throw new ServiceError(409, "ShareHasSnapshots", "The share has snapshots and the operation requires no snapshots.");
        }
        if (!context.account().deleteShare(share)) {
            throw ServiceError.shareNotFound();
        }
        return Reply.status(202);
    }

    public Reply snapshot(ServiceRequest request) {
        Resources.refuseSnapshot(request);
        Share share = Resources.share(context, request);
        String id = share.createSnapshot();
        return Reply.status(201).header("x-ms-snapshot", id).header("ETag", share.etag())
                .header("Last-Modified", WireFormats.rfc1123(share.created()));
    }

    public Reply properties(ServiceRequest request) {
        Share share = Resources.share(context, request);
        Namespace namespace = Resources.namespace(share, request);
        return Reply.status(200).header("ETag", share.etag())
                .header("Last-Modified", WireFormats.rfc1123(share.created()))
                .header("x-ms-share-quota", "5120")
                .header("x-ms-has-snapshots", Boolean.toString(namespace.snapshot() == null && share.hasSnapshots()));
    }
}
