package io.handlestck.server.smb;

import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import io.handlestck.server.ReferenceServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/** smbj 0.14.0 set up against an embedded reference server, remembering the sockets it opens. */
final class SmbjClients implements AutoCloseable {

    static final String WORKSTATION = "tck-workstation";

    /** The sockets smbj opened, in order: their local address is what List Handles must report as ClientIp. */
    final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final SMBClient client;
    private final ReferenceServer server;

    SmbjClients(ReferenceServer server) {
        this.server = server;
        SmbConfig config = SmbConfig.builder()
                .withWorkStationName(WORKSTATION)
                .withTimeout(20, TimeUnit.SECONDS)
                .withSocketFactory(new RecordingSocketFactory())
                .build();
        this.client = new SMBClient(config);
    }

    Connection connect() throws IOException {
        return client.connect("127.0.0.1", server.smbPort());
    }

    /** A session as {@code AZURE\account} with the account key as password. */
    Session session(Connection connection) {
        return connection.authenticate(new AuthenticationContext(server.account(), server.key().toCharArray(), "AZURE"));
    }

    DiskShare share(String name) throws IOException {
        return (DiskShare) session(connect()).connectShare(name);
    }

    /** {@code ip:port} of the most recent socket, as the server sees its peer. */
    String lastClientAddress() {
        Socket socket = sockets.get(sockets.size() - 1);
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    @Override
    public void close() {
        client.close();
    }

    private final class RecordingSocketFactory extends SocketFactory {
        private Socket record(Socket socket) {
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket() {
            return record(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return record(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return record(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return record(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return record(new Socket(address, port, localAddress, localPort));
        }
    }
}
