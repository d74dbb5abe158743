package io.handlestck.kit.provision.smb;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which client address a real SMB client can really be: it can bind its socket to an address of this
 * machine, never make up another. Linux answers for the whole of 127.0.0.0/8 on the loopback
 * interface, so against an endpoint on this machine the client can come from 127.0.0.2 as well as
 * from 127.0.0.1; the port is always the system's choice (a fixed one may be taken).
 */
final class LocalAddress {

    private LocalAddress() {
    }

    /**
     * The address of {@code ipAndPort} ({@code 10.0.0.5:49152}, {@code [::1]:445}) when the client can
     * bind to it and still reach {@code endpointHost}: a literal address of the endpoint's family that is
     * one of this machine's, or a loopback address when the endpoint is one too. Empty otherwise, and for
     * null.
     */
    static Optional<InetAddress> bindable(String ipAndPort, String endpointHost) {
        Optional<InetAddress> wanted = literal(ipAndPort);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        try {
            InetAddress endpoint = InetAddress.getByName(endpointHost);
            InetAddress address = wanted.get();
            if (endpoint.getClass() != address.getClass()) {
                return Optional.empty();
            }
            boolean local = address.isLoopbackAddress() ? endpoint.isLoopbackAddress()
                    : !endpoint.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) != null;
            return local ? wanted : Optional.empty();
        } catch (UnknownHostException | SocketException e) {
            return Optional.empty();
        }
    }

    /** The address part of {@code ip:port} when it is a literal IPv4 or bracketed IPv6 address. */
    private static Optional<InetAddress> literal(String ipAndPort) {
        if (ipAndPort == null || ipAndPort.lastIndexOf(':') < 0) {
            return Optional.empty();
        }
        String host = ipAndPort.substring(0, ipAndPort.lastIndexOf(':'));
        boolean v4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = host.matches("\\[[0-9A-Fa-f:.]+]");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // a literal, so no name is looked up
            return Optional.of(InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
