package io.handlestck.kit.provision;

import io.handlestck.kit.PreconditionNotMet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A provisioner that opens nothing: every case that needs a handle reports COULD_NOT_TEST and says
 * why, and the other cases still run. It is the provisioner {@code none}, and also stands in for a
 * chosen provisioner whose target refused it, keeping that one's name and capabilities so that each
 * case needing them gives the refusal as its reason.
 *
 * @param name         the provisioner reported ({@code none}, or the refused one's)
 * @param capabilities what the refused provisioner would have offered; empty for {@code none}
 * @param why          the reason every refusal gives
 */
public record NoProvisioner(String name, Set<Capability> capabilities, String why) implements HandleProvisioner {

    public static final String NAME = "none";

    public NoProvisioner {
        capabilities = Set.copyOf(capabilities);
    }

    /** The provisioner {@code none}. */
    public NoProvisioner(String why) {
        this(NAME, Set.of(), why);
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

    @Override
    public OptionalInt forceClosePageSize() {
        throw new PreconditionNotMet(why);
    }

    @Override
    public Optional<ClientView> clientView() {
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
