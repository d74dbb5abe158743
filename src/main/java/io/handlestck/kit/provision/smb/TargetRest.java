package io.handlestck.kit.provision.smb;

import io.handlestck.kit.PreconditionNotMet;
import io.handlestck.kit.client.Answer;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.provision.ProvisionerContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The few REST calls the SMB provisioner makes through its {@link ProvisionerContext}: listing the
 * ids of the handles on one path (the only place a handle's id exists), and the scratch share of the
 * page-size search. A target that answers them wrongly cannot have the case set up: COULD_NOT_TEST.
 */
final class TargetRest {

    /** Pages followed before a listing is declared endless. */
    private static final int MAX_PAGES = 2_000;

    private final ProvisionerContext context;

    TargetRest(ProvisionerContext context) {
        this.context = context;
    }

    /**
     * The ids List Handles reports on exactly this path (non-recursive) of the share or snapshot, every
     * page. SMB carries names verbatim, so a name ending in a dot is the name the client opened, and
     * REST is told to keep that dot ({@code x-ms-allow-trailing-dot}) instead of trimming it to another
     * name.
     */
    Set<String> handleIds(String share, String path, String snapshot) {
        Map<String, String> headers = endsASegmentWithADot(path) ? Map.of("x-ms-allow-trailing-dot", "true") : Map.of();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> markers = new HashSet<>();
        String marker = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            String url = TargetClient.withQuery(context.target().url(share, path), "comp", HandleOperation.LIST_HANDLES.comp(),
                    "marker", marker, "sharesnapshot", snapshot);
            Answer answer = context.send("GET", url, headers, null, null);
            if (answer.status() != 200) {
                throw new PreconditionNotMet("the SMB client cannot learn the ids of its handles on '" + path
                        + "': List Handles answered " + answer.status() + " " + answer.header("x-ms-error-code").orElse(""));
            }
            HandleListing listing = HandleListing.parse(answer.body());
            ids.addAll(listing.handleIds());
            if (listing.complete()) {
                return ids;
            }
            marker = listing.nextMarker();
            if (!markers.add(marker)) {
                break;
            }
        }
        throw new PreconditionNotMet("the SMB client cannot learn the ids of its handles on '" + path
                + "': List Handles does not stop handing out markers");
    }

    private static boolean endsASegmentWithADot(String path) {
        return Arrays.stream(path.split("/")).anyMatch(segment -> segment.endsWith("."));
    }

    /** Force Close {@code *} on a file; the answer's closed count and marker. */
    Answer forceCloseAll(String share, String path, String marker) {
        return context.send("PUT", TargetClient.withQuery(context.target().url(share, path), "comp",
                HandleOperation.FORCE_CLOSE_HANDLES.comp(), "marker", marker), Map.of("x-ms-handle-id", "*"), null, null);
    }

    void createShare(String share) {
        expect(context.send("PUT", TargetClient.withQuery(context.target().url(share, ""), "restype", "share"),
                Map.of(), null, null), 201, "Create Share " + share);
    }

    void createFile(String share, String path) {
        expect(context.send("PUT", context.target().url(share, path), Map.of("x-ms-type", "file",
                "x-ms-content-length", "0"), null, null), 201, "Create File " + path + " in share " + share);
    }

    void deleteShare(String share) {
        context.send("DELETE", TargetClient.withQuery(context.target().url(share, ""), "restype", "share"),
                Map.of("x-ms-delete-snapshots", "include"), null, null);
    }

    private static void expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new PreconditionNotMet("the SMB provisioner's " + what + " answered " + answer.status());
        }
    }
}
