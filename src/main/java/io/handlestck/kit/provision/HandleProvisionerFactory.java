package io.handlestck.kit.provision;

import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.config.KitConfig;
import java.util.Optional;

/**
 * Makes {@link HandleProvisioner}s; the kit's own three and any vendor's found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.handlestck.kit.provision.HandleProvisionerFactory}).
 * Chosen by name ({@code provisioner: NAME}) or, with {@code auto}, the first whose {@link #detect}
 * says yes, in the order fixture, vendors, smb, none.
 */
public interface HandleProvisionerFactory {

    /** The name users configure. */
    String name();

    /** Whether this provisioner works on the target; called once per run, with an unrecorded client. */
    boolean detect(TargetClient client, KitConfig config);

    /** A provisioner for one case invocation; {@code client} records into that case's exchanges. */
    HandleProvisioner create(TargetClient client, KitConfig config);

    /**
     * What detection found that the user must know before the first case, in one line (the SMB
     * endpoint refused the kit, for one); the runner prints it at the start of the run.
     */
    default Optional<String> finding() {
        return Optional.empty();
    }
}
