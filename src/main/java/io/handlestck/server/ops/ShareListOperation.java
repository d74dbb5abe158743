package io.handlestck.server.ops;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.model.Share;
import io.handlestck.server.xml.ShareListBody;
import java.util.Comparator;
import java.util.List;

/**
 * List Shares ({@code GET /account?comp=list}) with {@code prefix}, {@code marker} and
 * {@code maxresults}: how a cleanup finds the shares a run left behind. Shares are few, so a
 * sort per call is fine here, unlike handles.
 */
public final class ShareListOperation {

    private final ServerContext context;

    public ShareListOperation(ServerContext context) {
        this.context = context;
    }

    public Reply list(ServiceRequest request) {
        String prefix = request.query("prefix");
        String marker = request.query("marker");
        String maxResults = request.query("maxresults");
        int max = ListHandlesOperation.MAX_PAGE;
        if (maxResults != null) {
            if (!maxResults.matches("[0-9]{1,9}") || Integer.parseInt(maxResults) < 1) {
                throw ServiceError.invalidQueryParameterValue("maxresults", maxResults, "maxresults must be a positive integer.");
            }
            max = Math.min(Integer.parseInt(maxResults), ListHandlesOperation.MAX_PAGE);
        }
        List<Share> matching = context.account().shares().stream()
                .filter(share -> prefix == null || share.name().startsWith(prefix))
                .filter(share -> marker == null || marker.isEmpty() || share.name().compareTo(marker) >= 0)
                .sorted(Comparator.comparing(Share::name))
                .toList();
        List<Share> page = matching.subList(0, Math.min(max, matching.size()));
        String nextMarker = matching.size() > max ? matching.get(max).name() : "";
        return Reply.status(200).body("application/xml",
                ShareListBody.write(request.account(), prefix, marker, maxResults, page, nextMarker));
    }
}
