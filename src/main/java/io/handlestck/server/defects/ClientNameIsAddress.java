package io.handlestck.server.defects;

import io.handlestck.server.Strategies;

/**
 * Records the client's IP address as an SMB open's ClientName instead of the workstation name its
 * NTLM logon sent, as a server that never reads the workstation field would.
 */
final class ClientNameIsAddress implements Fault {

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.openIdentity = stated -> stated.withClientName(address(stated.clientIp())));
    }

    /** {@code 127.0.0.1} of {@code 127.0.0.1:50123}, {@code [::1]} of {@code [::1]:50123}. */
    static String address(String clientIp) {
        int colon = clientIp.lastIndexOf(':');
        return colon < 0 ? clientIp : clientIp.substring(0, colon);
    }
}
