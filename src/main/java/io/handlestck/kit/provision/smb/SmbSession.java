package io.handlestck.kit.provision.smb;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.Share;
import io.handlestck.kit.PreconditionNotMet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * One authenticated SMB session on its own TCP connection (its own smbj client, because smbj shares
 * a connection between sessions to the same host), with the shares it has connected to. Its local
 * socket address is what List Handles should report as the ClientIp of its handles where no NAT is
 * in between: the kit made the socket itself, so it knows that address for certain.
 */
final class SmbSession implements AutoCloseable {

    private final SmbSettings settings;
    private final SMBClient client;
    private final Connection connection;
    private final Session session;
    private final InetSocketAddress localAddress;
    private final boolean loopback;
    private final Map<String, DiskShare> shares = new ConcurrentHashMap<>();

    private SmbSession(SmbSettings settings, SMBClient client, Connection connection, Session session,
                       InetSocketAddress localAddress, boolean loopback) {
        this.settings = settings;
        this.client = client;
        this.connection = connection;
        this.session = session;
        this.localAddress = localAddress;
        this.loopback = loopback;
    }

    /**
     * Connects and authenticates.
     *
     * @throws PreconditionNotMet with one line saying why the endpoint refused (port closed, logon refused,
     *                    encryption unavailable...)
     */
    static SmbSession open(SmbSettings settings) {
        return open(settings, null);
    }

    /**
     * As {@link #open(SmbSettings)}, from {@code localAddress} (an address of this machine,
     * {@link LocalAddress#bindable}) on a port the system picks; null: the system's choice of address too.
     */
    static SmbSession open(SmbSettings settings, InetAddress localAddress) {
        RecordingSockets sockets = new RecordingSockets(localAddress);
        SMBClient client = new SMBClient(settings.smbConfig(sockets));
        Connection connection = null;
        try {
            connection = client.connect(settings.host(), settings.port());
            Session session = connection.authenticate(new AuthenticationContext(settings.user(),
                    settings.password() == null ? new char[0] : settings.password().toCharArray(), settings.domain()));
            if (settings.encrypt() && !session.shouldEncryptData()) {
                throw new PreconditionNotMet("SMB endpoint " + settings.describe() + " cannot encrypt (dialect "
                        + connection.getNegotiatedProtocol().getDialect() + "), and encryption was asked for");
            }
            return new SmbSession(settings, client, connection, session, sockets.localAddress(), sockets.loopback());
        } catch (PreconditionNotMet e) {
            client.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw SmbRefused.because(settings, e);
        }
    }

    /** The share, connected on first use. */
    DiskShare share(String name) {
        return shares.computeIfAbsent(name, key -> {
            Share share = session.connectShare(key);
            if (share instanceof DiskShare disk) {
                return disk;
            }
            throw new PreconditionNotMet("share " + key + " on " + settings.describe() + " is not a disk share");
        });
    }

    /** {@code ip:port} of the kit's end of the connection; IPv6 addresses in brackets, as ClientIp writes them. */
    String clientIp() {
        InetAddress address = localAddress.getAddress();
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + localAddress.getPort();
    }

    /** The SessionId the server gave in SESSION_SETUP, unsigned. */
    String sessionId() {
        return Long.toUnsignedString(session.getSessionId());
    }

    /** Whether the endpoint is on this machine: then no NAT rewrites the client's address. */
    boolean loopback() {
        return loopback;
    }

    String workstation() {
        return settings.workstation();
    }

    /**
     * Logs off and closes the connection; the server closes whatever the session still had open.
     *
     * @return what went wrong, empty when the session ended cleanly
     */
    List<String> end() {
        try {
            for (DiskShare share : shares.values()) {
                share.close();
            }
            session.logoff();
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of("SMB session " + sessionId() + " did not log off cleanly: " + SmbRefused.describe(e));
        } finally {
            try {
                connection.close(true);
            } catch (IOException e) {
                // the connection is gone either way; the logoff above already said whether the end was clean
            }
            client.close();
        }
    }

    @Override
    public void close() {
        end();
    }

    /** Whether an exception means the handle is gone on the server, not that the client broke. */
    static boolean isStatus(Throwable e, NtStatus status) {
        return e instanceof SMBApiException api && api.getStatusCode() == status.getValue();
    }

    /**
     * A plain socket factory that remembers the socket it made, so its local address can be read back,
     * and binds it to the chosen local address, if any.
     */
    private static final class RecordingSockets extends SocketFactory {
        private final InetAddress bindTo;
        private volatile Socket last;

        RecordingSockets(InetAddress bindTo) {
            this.bindTo = bindTo;
        }

        InetSocketAddress localAddress() {
            SocketAddress address = last == null ? null : last.getLocalSocketAddress();
            if (address instanceof InetSocketAddress inet) {
                return inet;
            }
            throw new PreconditionNotMet("the SMB connection has no local internet address");
        }

        boolean loopback() {
            return last != null && last.getInetAddress() != null && last.getInetAddress().isLoopbackAddress();
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            if (bindTo != null) {
                socket.bind(new InetSocketAddress(bindTo, 0));
            }
            last = socket;
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return remember(new Socket(host, port, bindTo, 0));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return remember(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return remember(new Socket(host, port, bindTo, 0));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return remember(new Socket(address, port, localAddress, localPort));
        }

        private Socket remember(Socket socket) {
            last = socket;
            return socket;
        }
    }
}
