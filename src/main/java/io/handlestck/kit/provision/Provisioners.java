package io.handlestck.kit.provision;

import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Chooses the run's provisioner: by name, or with {@code auto} the first that detects itself on the target. */
public final class Provisioners {

    public static final String AUTO = "auto";

    private Provisioners() {
    }

    /**
     * @param context an unrecorded context (detection is not part of any case)
     * @throws KitConfigException when the named provisioner does not exist or does not work on the target
     */
    public static HandleProvisionerFactory choose(KitConfig config, ProvisionerContext context) {
        List<HandleProvisionerFactory> candidates = new ArrayList<>();
        candidates.add(new FixtureProvisioner.Factory());
        ServiceLoader.load(HandleProvisionerFactory.class).forEach(candidates::add);
        candidates.add(new PreopenedProvisioner.Factory());
        if (config.provisioner().equals(AUTO)) {
            for (HandleProvisionerFactory candidate : candidates) {
                if (candidate.detect(context)) {
                    return candidate;
                }
            }
            return new NoProvisioner.Factory("no way to open handles on this target: it does not serve the Handle"
                    + " Fixture Protocol (GET $fixtures) and the config file lists no preopened handles");
        }
        if (config.provisioner().equals(NoProvisioner.NAME)) {
            return new NoProvisioner.Factory(NoProvisioner.Factory.CHOSEN);
        }
        for (HandleProvisionerFactory candidate : candidates) {
            if (candidate.name().equals(config.provisioner())) {
                if (!candidate.detect(context)) {
                    throw new KitConfigException("provisioner " + config.provisioner() + " (" + config.origins()
                            .getOrDefault("provisioner", "config") + ") does not work on " + context.target().endpoint());
                }
                return candidate;
            }
        }
        throw new KitConfigException("unknown provisioner '" + config.provisioner() + "'; known: auto, none, "
                + String.join(", ", candidates.stream().map(HandleProvisionerFactory::name).toList()));
    }
}
