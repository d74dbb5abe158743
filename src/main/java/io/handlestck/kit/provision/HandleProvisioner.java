package io.handlestck.kit.provision;

import io.handlestck.kit.PreconditionNotMet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Opens handles for the cases (public SPI, with {@link HandleProvisionerFactory} and
 * {@link ProvisionerContext}). REST cannot open a handle — an SMB client does — so every way of making
 * one is a provisioner: the Handle Fixture Protocol, handles a user opened out of band, none at all, or
 * a vendor's own (registered through {@link HandleProvisionerFactory} and {@link java.util.ServiceLoader}).
 * One instance serves one case invocation, made from that case's {@link ProvisionerContext}, so the
 * requests it sends through the context appear in the case's exchanges. The SPI speaks only the kit's
 * own types: records, enums and {@link io.handlestck.kit.client.Answer}.
 *
 * <p>Whatever a provisioner cannot do, it refuses with {@link PreconditionNotMet}: the case then
 * reports COULD_NOT_TEST, never a verdict it could not establish.
 */
public interface HandleProvisioner {

    /** {@code fixture}, {@code preopened}, {@code none} or the vendor's name; appears in reports. */
    String name();

    /**
     * What this provisioner can do on this target, of the {@link Capability.Kind#PROVISIONER} kind; a
     * case needing more reports COULD_NOT_TEST before it runs.
     */
    Set<Capability> capabilities();

    /** Opens {@code request.count()} handles; they are what List Handles must then report. */
    List<OpenedHandle> open(HandleRequest request);

    /** What the handle's client sees now (needed only with {@link Capability#FIXTURE_STATE}). */
    HandleState state(String share, String handleId);

    /**
     * Closes the handle the way its client would (an SMB close), not through Force Close Handles. The kit
     * also calls it for every handle still open when a case ends, before deleting the case's share.
     */
    void closeAsClient(String share, String handleId);

    /**
     * How many handles the target closes per Force Close Handles call, when the provisioner knows it
     * (paging cases open more than this to see {@code x-ms-marker}).
     */
    default OptionalInt forceClosePageSize() {
        return OptionalInt.empty();
    }
}
