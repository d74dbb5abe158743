package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;

/** Drops {@code sharesnapshot} from Create and Delete of files and directories: they change the live share. */
final class SnapshotWritesActOnLiveShare implements Fault {

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        boolean fileOrDirectoryWrite = (Exchanges.isCreate(request) || Exchanges.isDelete(request))
                && !"share".equals(request.query("restype"));
        return fileOrDirectoryWrite ? request.withQuery("sharesnapshot", null) : request;
    }
}
