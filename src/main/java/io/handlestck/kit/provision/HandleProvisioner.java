package io.handlestck.kit.provision;

import io.handlestck.kit.PreconditionNotMet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Opens handles for the cases (public SPI). REST cannot open a handle — an SMB client does — so every
 * way of making one is a provisioner: the Handle Fixture Protocol, handles a user opened out of band,
 * none at all, or a vendor's own (registered through {@link HandleProvisionerFactory} and
 * {@link java.util.ServiceLoader}). One instance serves one case invocation, bound to that case's
 * recorded client, so its requests appear in the case's exchanges.
 *
 * <p>Whatever a provisioner cannot do, it refuses with {@link PreconditionNotMet}: the case then
 * reports COULD_NOT_TEST, never a verdict it could not establish.
 */
public interface HandleProvisioner {

    /** Capability: handles can be opened on live shares. */
    String HANDLES = "handles";
    /** Capability: handles can be opened on share snapshots. */
    String SNAPSHOTS = "snapshots";
    /** Capability: the client-side state of a handle can be observed ({@link #state}). */
    String FIXTURE_STATE = "fixture-state";
    /**
     * Capability: the provisioner can make a handle appear to come from the client ip, name and
     * session a {@link HandleRequest} asks for. A real SMB client cannot: its handles carry its own.
     */
    String CLIENT_IDENTITY = "client-identity";
    /**
     * Capability: the provisioner holds its handles as a real SMB client and answers {@link ClientView}:
     * the NT status of its next I/O, its own address, session and workstation.
     */
    String SMB_CLIENT = "smb-client";
    /**
     * The catalogue capabilities a provisioner provides. The others a catalogue entry may name
     * ({@code paging}, {@code rename}, {@code sharedkey-lite}...) are features of the target, which the
     * case itself probes and reports as NOT_IMPLEMENTED when absent.
     */
    Set<String> PROVISIONER_CAPABILITIES = Set.of(HANDLES, SNAPSHOTS, FIXTURE_STATE, CLIENT_IDENTITY, SMB_CLIENT);

    /** {@code fixture}, {@code smb}, {@code none} or the vendor's name; appears in reports. */
    String name();

    /** What this provisioner can do on this target; a case needing more reports COULD_NOT_TEST before it runs. */
    Set<String> capabilities();

    /** Opens {@code request.count()} handles; they are what List Handles must then report. */
    List<OpenedHandle> open(HandleRequest request);

    /** What the handle's client sees now. */
    HandleState state(String share, String handleId);

    /** Closes the handle the way its client would (an SMB close), not through Force Close Handles. */
    void closeAsClient(String share, String handleId);

    /**
     * How many handles the target closes per Force Close Handles call, when the provisioner knows it
     * (paging cases open more than this to see {@code x-ms-marker}).
     */
    default OptionalInt forceClosePageSize() {
        return OptionalInt.empty();
    }

    /**
     * Ends this provisioner's hold on the target when its case ends: closes what it opened and is
     * still open, ends its sessions. Called before the case's shares are deleted.
     *
     * @return what could not be closed, reported beside the verdict as cleanup problems
     */
    default List<String> release() {
        return List.of();
    }

    /** The client's own view of its handles, when this provisioner is a real client ({@link #SMB_CLIENT}). */
    default Optional<ClientView> clientView() {
        return Optional.empty();
    }
}
