package io.handlestck.kit.run;

import io.handlestck.kit.client.Target;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.preflight.Preflight;
import io.handlestck.kit.preflight.PreflightProbe;
import io.handlestck.kit.provision.smb.SmbSettings;
import java.net.InetSocketAddress;

/** The preflight of one run: the probe of its target (REST, and TCP to the configured SMB endpoint), or why there was nothing to probe. */
final class RunPreflight {

    private RunPreflight() {
    }

    /**
     * @param config   the effective configuration (the embedded server's endpoint once it runs)
     * @param runId    the run's share prefix; the probe's share carries it, so {@code clean} finds a leftover
     * @param runError why the session could not be opened, or null
     */
    static Preflight of(KitConfig config, String runId, String runError) {
        if (config.endpoint() == null) {
            return Preflight.notRun(runError == null ? "no endpoint" : runError);
        }
        try {
            SmbSettings smb = SmbSettings.of(config);
            return PreflightProbe.probe(new Target(config.endpoint(), config.account(), config.key(), config.version()),
                    runId + "-preflight", new InetSocketAddress(smb.host(), smb.port()));
        } catch (RuntimeException e) { // the probe must never cost the run its report
            return Preflight.notRun("the probe broke: " + e);
        }
    }
}
