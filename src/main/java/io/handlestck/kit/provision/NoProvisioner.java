package io.handlestck.kit.provision;

import io.handlestck.kit.PreconditionNotMet;
import java.util.List;
import java.util.Set;

/**
 * The provisioner {@code none}: the kit has no way to open handles on this target, so every case
 * that needs one reports COULD_NOT_TEST and says why, and the other cases still run.
 *
 * @param why the reason every refusal gives
 */
public record NoProvisioner(String why) implements HandleProvisioner {

    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public List<OpenedHandle> open(HandleRequest request) {
        throw new PreconditionNotMet(why);
    }

    @Override
    public HandleState state(String share, String handleId) {
        throw new PreconditionNotMet(why);
    }

    @Override
    public void closeAsClient(String share, String handleId) {
        throw new PreconditionNotMet(why);
    }

    /**
     * Always available: it is the last resort of {@code auto}.
     *
     * @param why the reason its provisioners give, e.g. what detection found missing
     */
    public record Factory(String why) implements HandleProvisionerFactory {

        /** The reason when the user chose {@code none} themselves. */
        public static final String CHOSEN = "no way to open handles on this target: provisioner 'none' was chosen";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean detect(ProvisionerContext context) {
            return true;
        }

        @Override
        public HandleProvisioner create(ProvisionerContext context) {
            return new NoProvisioner(why);
        }
    }
}
