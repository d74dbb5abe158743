package io.handlestck.kit.provision.smb;

import io.handlestck.kit.PreconditionNotMet;
import io.handlestck.kit.provision.HandleProvisioner;
import io.handlestck.kit.provision.HandleProvisionerFactory;
import io.handlestck.kit.provision.NoProvisioner;
import io.handlestck.kit.provision.ProvisionerContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Makes {@link SmbProvisioner}s. Detection logs on once: when the provisioner is chosen by name, or an
 * SMB setting is given, or the SMB port answers, it is the run's provisioner even if the logon fails,
 * so that the user learns why ({@link #finding}) and the handle cases end COULD_NOT_TEST with that
 * reason instead of the run stopping.
 */
public final class SmbProvisionerFactory implements HandleProvisionerFactory {

    /** How long {@code auto} waits for the SMB port before deciding there is no SMB endpoint. */
    private static final int REACH_TIMEOUT_MILLIS = 1_000;

    private volatile String refusal;
    private volatile PageSizeProbe pageSize;

    @Override
    public String name() {
        return SmbProvisioner.NAME;
    }

    @Override
    public boolean detect(ProvisionerContext context) {
        SmbSettings settings = SmbSettings.of(context.config());
        if (!context.config().provisioner().equals(SmbProvisioner.NAME) && !settings.configured() && !reachable(settings)) {
            return false;
        }
        try {
            SmbSession.open(settings).end();
            refusal = null;
        } catch (PreconditionNotMet e) {
            refusal = e.getMessage();
        }
        return true;
    }

    @Override
    public HandleProvisioner create(ProvisionerContext context) {
        if (refusal != null) {
            return new NoProvisioner(SmbProvisioner.NAME, SmbProvisioner.CAPABILITIES, refusal);
        }
        SmbSettings settings = SmbSettings.of(context.config());
        PageSizeProbe probe = pageSize;
        if (probe == null) {
            synchronized (this) {
                if (pageSize == null) {
                    pageSize = new PageSizeProbe(settings, context.config().runPrefix());
                }
                probe = pageSize;
            }
        }
        PageSizeProbe chosen = probe;
        TargetRest rest = new TargetRest(context);
        return new SmbProvisioner(settings, rest, () -> chosen.pageSize(rest));
    }

    @Override
    public Optional<String> finding() {
        return Optional.ofNullable(refusal).map(why -> why + "; every case that needs a handle reports COULD_NOT_TEST");
    }

    private static boolean reachable(SmbSettings settings) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), REACH_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
