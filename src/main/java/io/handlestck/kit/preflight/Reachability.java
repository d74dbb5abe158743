package io.handlestck.kit.preflight;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Names a transport failure the way a person fixes it: the host, the port, and what went wrong. */
final class Reachability {

    /** Enough for a listening port on any network a run can use; a closed one answers at once. */
    private static final int TCP_PROBE_TIMEOUT_MILLIS = 2_000;

    private Reachability() {
    }

    /** Why a request to {@code endpoint} got no HTTP answer. */
    static String describe(URI endpoint, Throwable failure) {
        String where = endpoint.getHost() + ":" + port(endpoint);
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SSLException) {
                return "the TLS handshake with " + where + " failed (" + cause.getMessage() + ")";
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection to " + where + " could be made in time";
            }
            if (cause instanceof HttpTimeoutException) {
                return where + " accepted the connection but sent no answer in time";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "the host " + endpoint.getHost() + " cannot be resolved";
            }
            if (cause instanceof NoRouteToHostException) {
                return "there is no route to " + where;
            }
            if (cause instanceof ConnectException) {
                return "nothing accepts connections on " + where + " (connection refused)";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "the request to " + where + " failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    /** {@code open}, or why not: enough to tell a user whether an SMB client could get there. */
    static String tcp(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, TCP_PROBE_TIMEOUT_MILLIS);
            return "open";
        } catch (SocketTimeoutException e) {
            return "no answer (connection timed out)";
        } catch (ConnectException e) {
            return "closed (connection refused)";
        } catch (IOException | IllegalArgumentException e) {
            return "not reachable (" + e.getClass().getSimpleName() + ")";
        }
    }

    static int port(URI endpoint) {
        if (endpoint.getPort() >= 0) {
            return endpoint.getPort();
        }
        return "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
    }
}
