package io.handlestck.server;

import io.handlestck.server.auth.AuthenticationRules;
import io.handlestck.server.http.VersionRules;
import io.handlestck.server.model.OpenHandleRule;
import io.handlestck.server.ops.HandleClosing;
import io.handlestck.server.ops.HandleListing;
import io.handlestck.server.ops.MarkerReader;
import io.handlestck.server.ops.MarkerWriter;

/**
 * The strategies the server's layers take, each the service's own by default: one record, so a
 * deliberate defect swaps exactly one of them and the code that uses it never asks why.
 */
public record Strategies(AuthenticationRules authentication, VersionRules versions, MarkerReader markerReader,
                         MarkerWriter markerWriter, HandleListing listing, HandleClosing closing,
                         OpenHandleRule openHandles) {

    /** What the real service does. */
    public static final Strategies SERVICE = new Strategies(AuthenticationRules.SERVICE, VersionRules.SERVICE,
            MarkerReader.SERVICE, MarkerWriter.SERVICE, HandleListing.SERVICE, HandleClosing.SERVICE, OpenHandleRule.SERVICE);

    public Strategies withAuthentication(AuthenticationRules rules) {
        return new Strategies(rules, versions, markerReader, markerWriter, listing, closing, openHandles);
    }

    public Strategies withVersions(VersionRules rules) {
        return new Strategies(authentication, rules, markerReader, markerWriter, listing, closing, openHandles);
    }

    public Strategies withMarkerReader(MarkerReader reader) {
        return new Strategies(authentication, versions, reader, markerWriter, listing, closing, openHandles);
    }

    public Strategies withMarkerWriter(MarkerWriter writer) {
        return new Strategies(authentication, versions, markerReader, writer, listing, closing, openHandles);
    }

    public Strategies withListing(HandleListing strategy) {
        return new Strategies(authentication, versions, markerReader, markerWriter, strategy, closing, openHandles);
    }

    public Strategies withClosing(HandleClosing strategy) {
        return new Strategies(authentication, versions, markerReader, markerWriter, listing, strategy, openHandles);
    }

    public Strategies withOpenHandles(OpenHandleRule rule) {
        return new Strategies(authentication, versions, markerReader, markerWriter, listing, closing, rule);
    }
}
