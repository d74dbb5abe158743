package io.handlestck.server;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, with their read loop ({@link HttpConnection#onFillable}) run by one
 * thread at a time.
 *
 * <p>Jetty 12.1 (12.1.13 and 12.1.14 both) breaks that rule for a request its parser refuses (a header
 * block over the limit: 431; a header without a colon: 400; an unknown version: 505): it hands the error
 * answer to a pool thread while the parsing thread is still in the read loop, and once the answer is sent
 * it starts the read loop again on a third thread, because it never marked the connection as handling.
 * Both loops then fill and release the same pooled request buffer; the one that comes second fills a
 * buffer that is already back in the pool and in use by another connection, which then sends the
 * refused request's bytes in front of its next status line, misreads its next request, or closes (what
 * the long fuzz run found). Here a read loop that is asked for while one runs is left to the running
 * one, which runs it again before it returns: what the third thread would have done, in order.
 */
final class SerializedHttpConnectionFactory extends HttpConnectionFactory {

    SerializedHttpConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new SerializedHttpConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class SerializedHttpConnection extends HttpConnection {

        /** Read loops asked for and not yet run to their end: 0 when none runs. */
        private final AtomicInteger readLoops = new AtomicInteger();

        SerializedHttpConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        public void onFillable() {
            if (readLoops.getAndIncrement() > 0) {
                return; // the thread in the read loop runs it once more for this call
            }
            do {
                super.onFillable();
            } while (readLoops.decrementAndGet() > 0);
        }
    }
}
