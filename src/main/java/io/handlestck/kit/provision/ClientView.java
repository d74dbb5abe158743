package io.handlestck.kit.provision;

import java.util.List;
import java.util.Locale;

/**
 * What the client that holds a handle sees of it, from the client itself: the provisioner is a real
 * SMB client ({@link HandleProvisioner#SMB_CLIENT}), so a case can judge Force Close Handles by the
 * client's next I/O instead of by the target's word. Handles are named by the ids List Handles gave
 * them when they were opened.
 */
public interface ClientView {

    /** The client's next I/O on the handle: a READ where the open may read, otherwise a QUERY_INFO. */
    Probe probe(String share, String handleId);

    /**
     * Probes every handle this client holds open on {@code path} of the share ({@code snapshot} null:
     * the live share), in the order they were opened; for handles opened in bulk, whose ids the client
     * cannot tell apart.
     */
    List<Probe> probeEvery(String share, String path, String snapshot);

    /** Who the client of this handle is, as List Handles should report it. */
    ClientIdentity identity(String share, String handleId);

    /** Opens handles in a new SMB session on its own connection: another SessionId and ClientIp port. */
    List<OpenedHandle> openInNewSession(HandleRequest request);

    /**
     * One I/O the client tried.
     *
     * @param handleId  the handle's id, or null for a handle opened in bulk
     * @param ntStatus  the NT status the target answered, 0 (STATUS_SUCCESS) when it succeeded
     * @param operation the SMB2 command that carried the I/O, e.g. {@code SMB2_READ}
     */
    record Probe(String handleId, boolean succeeded, long ntStatus, String operation) {

        /** {@code 0xC0000128}: how NT statuses are written in the specifications and in reports. */
        public String statusHex() {
            return String.format(Locale.ROOT, "0x%08X", ntStatus);
        }
    }

    /**
     * The client as it knows itself.
     *
     * @param clientIp     the local {@code ip:port} of the connection that opened the handle
     * @param sessionId    the SMB session id, as an unsigned decimal
     * @param clientName   the workstation name the client sent when it authenticated
     * @param accessRights what the client asked for, in List Handles' words ({@code Read}, {@code Write}, {@code Delete})
     * @param direct       whether the target's SMB endpoint is a loopback address, so that no NAT can sit
     *                     between the client and the target and its ClientIp is the client's own address
     */
    record ClientIdentity(String clientIp, String sessionId, String clientName, List<String> accessRights,
                          boolean direct) {
    }
}
