package io.handlestck.kit.provision;

/**
 * Makes {@link HandleProvisioner}s (public SPI); the kit's own three and any vendor's found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.handlestck.kit.provision.HandleProvisionerFactory}).
 * Chosen by name ({@code provisioner: NAME}) or, with {@code auto}, the first whose {@link #detect}
 * says yes, in the order fixture, vendors, preopened, none.
 */
public interface HandleProvisionerFactory {

    /** The name users configure. */
    String name();

    /** Whether this provisioner works on the target; called once per run, with an unrecorded context. */
    boolean detect(ProvisionerContext context);

    /** A provisioner for one case invocation; {@code context} records into that case's exchanges. */
    HandleProvisioner create(ProvisionerContext context);
}
