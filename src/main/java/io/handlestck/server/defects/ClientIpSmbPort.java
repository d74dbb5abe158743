package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/**
 * Records an SMB open's ClientIp with the SMB service port 445 instead of the port of the client's
 * end of the connection, as a server would that formats the address with the wrong side's port.
 */
final class ClientIpSmbPort implements Fault {

    private static final int SMB_PORT = 445;

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.openIdentity = stated -> stated.withClientIp(
                ClientNameIsAddress.address(stated.clientIp()) + ":" + SMB_PORT));
    }
}
