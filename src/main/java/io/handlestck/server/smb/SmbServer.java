package io.handlestck.server.smb;

import io.handlestck.server.ServerContext;
import io.handlestck.server.model.FileContents;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference server's SMB 2.x endpoint (dialects 2.0.2 and 2.1, NTLMv2, signing) over the same
 * namespace as the REST operations: an SMB open is a handle that List Handles lists and Force Close
 * Handles closes. One thread per connection, a bounded number of connections.
 */
public final class SmbServer implements AutoCloseable {

    /** Connections served at once; more are closed on accept. */
    static final int MAX_CONNECTIONS = 256;
    /** Bytes of SMB-written content per file and in the whole server. */
    public static final int MAX_FILE_CONTENT = 16 << 20;
    public static final long MAX_TOTAL_CONTENT = 64L << 20;

    private final ServerContext context;
    private final FileContents contents;
    private final OpenTable opens;
    private final byte[] serverGuid = new byte[16];
    private final long startTime = System.currentTimeMillis();
    private final Set<SmbConnection> connections = ConcurrentHashMap.newKeySet();
    private ServerSocket socket;
    private Thread acceptor;

    public SmbServer(ServerContext context) {
        this.context = context;
        this.opens = new OpenTable(context.strategies().openIdentity(), context.strategies().clientClose());
        this.contents = new FileContents(context.account(), MAX_FILE_CONTENT, MAX_TOTAL_CONTENT);
        new SecureRandom().nextBytes(serverGuid);
    }

    /** Binds {@code host:port} (0 = a free port) and starts accepting. */
    public synchronized void start(String host, int port) throws IOException {
        ServerSocket bound = new ServerSocket();
        bound.setReuseAddress(true);
        try {
            bound.bind(new InetSocketAddress(InetAddress.getByName(host), port), 64);
        } catch (IOException e) {
            bound.close();
            throw e;
        }
        socket = bound;
        acceptor = new Thread(this::accept, "handlestck-smb-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port bound. */
    public synchronized int port() {
        if (socket == null) {
            throw new IllegalStateException("not started");
        }
        return socket.getLocalPort();
    }

    ServerContext context() {
        return context;
    }

    FileContents contents() {
        return contents;
    }

    OpenTable opens() {
        return opens;
    }

    byte[] serverGuid() {
        return serverGuid;
    }

    long startTime() {
        return startTime;
    }

    void ended(SmbConnection connection) {
        connections.remove(connection);
    }

    private void accept() {
        while (true) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return; // the server socket was closed: stop
            }
            if (connections.size() >= MAX_CONNECTIONS) {
                closeQuietly(client);
                continue;
            }
            try {
                client.setTcpNoDelay(true);
                SmbConnection connection = new SmbConnection(this, client);
                connections.add(connection);
                Thread thread = new Thread(connection, "handlestck-smb-" + client.getPort());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException | RuntimeException e) {
                closeQuietly(client);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to release
        }
        for (SmbConnection connection : connections) {
            connection.disconnect();
        }
        socket = null;
    }

    private static void closeQuietly(Socket client) {
        try {
            client.close();
        } catch (IOException e) {
            // refusing a connection: nothing to release
        }
    }
}
