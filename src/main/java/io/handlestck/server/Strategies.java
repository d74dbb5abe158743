package io.handlestck.server;

import io.handlestck.server.auth.AuthenticationRules;
import io.handlestck.server.http.VersionRules;
import io.handlestck.server.model.OpenHandleRule;
import io.handlestck.server.ops.HandleClosing;
import io.handlestck.server.ops.HandleListing;
import io.handlestck.server.ops.MarkerReader;
import io.handlestck.server.ops.MarkerWriter;
import io.handlestck.server.smb.ClientClose;
import io.handlestck.server.smb.ForceCloseNotice;
import io.handlestck.server.smb.OpenIdentity;
import java.util.function.Consumer;

/**
 * The strategies the server's layers take, each the service's own by default: one record, so a
 * deliberate defect swaps exactly one of them and the code that uses it never asks why.
 */
public record Strategies(AuthenticationRules authentication, VersionRules versions, MarkerReader markerReader,
                         MarkerWriter markerWriter, HandleListing listing, HandleClosing closing,
                         OpenHandleRule openHandles, ForceCloseNotice forceCloseNotice, OpenIdentity openIdentity,
                         ClientClose clientClose) {

    /** What the real service does. */
    public static final Strategies SERVICE = new Strategies(AuthenticationRules.SERVICE, VersionRules.SERVICE,
            MarkerReader.SERVICE, MarkerWriter.SERVICE, HandleListing.SERVICE, HandleClosing.SERVICE, OpenHandleRule.SERVICE,
            ForceCloseNotice.SERVICE, OpenIdentity.SERVICE, ClientClose.SERVICE);

    /** A copy with the swaps the change makes to a draft of these strategies. */
    public Strategies with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new Strategies(draft.authentication, draft.versions, draft.markerReader, draft.markerWriter, draft.listing,
                draft.closing, draft.openHandles, draft.forceCloseNotice, draft.openIdentity, draft.clientClose);
    }

    /** The strategies while a fault swaps some of them: each field starts as the one it replaces. */
    public static final class Draft {
        public AuthenticationRules authentication;
        public VersionRules versions;
        public MarkerReader markerReader;
        public MarkerWriter markerWriter;
        public HandleListing listing;
        public HandleClosing closing;
        public OpenHandleRule openHandles;
        public ForceCloseNotice forceCloseNotice;
        public OpenIdentity openIdentity;
        public ClientClose clientClose;

        private Draft(Strategies from) {
            authentication = from.authentication;
            versions = from.versions;
            markerReader = from.markerReader;
            markerWriter = from.markerWriter;
            listing = from.listing;
            closing = from.closing;
            openHandles = from.openHandles;
            forceCloseNotice = from.forceCloseNotice;
            openIdentity = from.openIdentity;
            clientClose = from.clientClose;
        }
    }
}
