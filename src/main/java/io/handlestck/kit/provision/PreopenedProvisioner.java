package io.handlestck.kit.provision;

import io.handlestck.kit.PreconditionNotMet;
import io.handlestck.kit.config.PreopenedHandle;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The provisioner {@code preopened}: hands out handles that someone opened out of band and listed in
 * the config file. It cannot open handles in the shares the cases create, nor observe or close them
 * as their client, so it offers only {@link Capability#PREOPENED}; a case that needs fresh handles reports
 * COULD_NOT_TEST. The kit treats these handles as read-only.
 */
public final class PreopenedProvisioner implements HandleProvisioner {

    public static final String NAME = "preopened";

    private final List<PreopenedHandle> handles;

    PreopenedProvisioner(List<PreopenedHandle> handles) {
        this.handles = handles;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PREOPENED);
    }

    /** The configured handles on exactly that share, path and snapshot, if there are enough of them. */
    @Override
    public List<OpenedHandle> open(HandleRequest request) {
        List<OpenedHandle> matching = handles.stream()
                .filter(h -> h.share().equals(request.share()) && h.path().equals(request.path())
                        && Objects.equals(h.snapshot(), request.snapshot()))
                .limit(request.count())
                .map(h -> new OpenedHandle(h.handleId(), h.share(), h.path(), h.snapshot(), null, null, null))
                .toList();
        if (matching.size() < request.count()) {
            throw new PreconditionNotMet("the config file lists " + matching.size() + " preopened handle(s) on share '"
                    + request.share() + "' path '" + request.path() + "'; the case needs " + request.count()
                    + " (preopened handles cannot be opened in the shares the kit creates)");
        }
        return matching;
    }

    @Override
    public HandleState state(String share, String handleId) {
        throw new PreconditionNotMet("preopened handles belong to a client the kit cannot observe");
    }

    @Override
    public void closeAsClient(String share, String handleId) {
        throw new PreconditionNotMet("preopened handles belong to a client the kit cannot drive");
    }

    /** Available when the config file lists handles. */
    public static final class Factory implements HandleProvisionerFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean detect(ProvisionerContext context) {
            return !context.config().preopened().isEmpty();
        }

        @Override
        public HandleProvisioner create(ProvisionerContext context) {
            return new PreopenedProvisioner(context.config().preopened());
        }
    }
}
