package io.handlestck.kit.client;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
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

    private SharedHttpClients() {
    }

    /** For {@code https:} targets: the JDK's default TLS context and its trust store. */
    private static final class Tls {
        static final HttpClient CLIENT = builder().build();
    }

    /**
     * For {@code http:} targets: the default TLS context would read the JDK's whole trust store, which
     * such a run never uses (a tenth of a second of a run's start); this one trusts nothing, so TLS could
     * not even start with it.
     */
    private static final class Plain {
        static final HttpClient CLIENT = builder().sslContext(trustingNothing()).build();
    }

    static HttpClient forScheme(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? Tls.CLIENT : Plain.CLIENT;
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
