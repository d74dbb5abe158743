package io.handlestck.kit.client;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The JDK HTTP clients every case shares: thread-safe, keeping connections alive, HTTP/1.1 only (no
 * h2c upgrade attempts), never following a redirect, so an {@code http:} request never becomes TLS.
 * Each is built on first use.
 */
final class SharedHttpClients {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** How long {@link #stopSelectorThreads} waits for each selector thread to end. */
    private static final long SELECTOR_STOP_MILLIS = 1_000;
    /** The client's id at the end of the JDK client's {@code toString}, which names its selector thread. */
    private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");

    /** Every client built so far, so that stopping them builds none. */
    private static final List<HttpClient> BUILT = new CopyOnWriteArrayList<>();

    private SharedHttpClients() {
    }

    /** For {@code https:} targets: the JDK's default TLS context and its trust store. */
    private static final class Tls {
        static final HttpClient CLIENT = built(builder());
    }

    /**
     * For {@code http:} targets: the default TLS context would read the JDK's whole trust store, which
     * such a run never uses (a tenth of a second of a run's start); this one trusts nothing, so TLS could
     * not even start with it.
     */
    private static final class Plain {
        static final HttpClient CLIENT = built(builder().sslContext(trustingNothing()));
    }

    static HttpClient forScheme(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? Tls.CLIENT : Plain.CLIENT;
    }

    /**
     * Ends the selector thread of every client built, for a JVM about to exit: JDK 17's client has no
     * close, and its selector thread waits in a native call, for which the JVM's exit waits 0.3 s
     * (measured: 320 ms from System.exit to the end of the process, 5 ms without that thread). The
     * JDK's client names the thread after the id its toString ends with, and ends the thread when it is
     * interrupted. A JDK whose client names it otherwise loses only those 0.3 s.
     */
    static void stopSelectorThreads() {
        Set<String> names = new HashSet<>();
        for (HttpClient client : BUILT) {
            Matcher id = CLIENT_ID.matcher(client.toString());
            if (id.find()) {
                names.add("HttpClient-" + id.group(1) + "-SelectorManager");
            }
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (names.contains(thread.getName())) {
                thread.interrupt();
                try {
                    thread.join(SELECTOR_STOP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static HttpClient built(HttpClient.Builder builder) {
        HttpClient client = builder.build();
        BUILT.add(client);
        return client;
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MILLIS))
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    private static SSLContext trustingNothing() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JRE has no TLS context", e);
        }
    }
}
