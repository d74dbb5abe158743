package io.handlestck.container;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's {@code HEALTHCHECK} command: asks the reference server in the same container for
 * {@code GET /$health} and exits 0 when it answers 200, 1 otherwise. It exists because the image has
 * no shell and no curl (the air-gapped base is a bare jlinked JRE), and it stays this small because
 * Docker runs it in a fresh JVM every interval.
 *
 * <pre>{@code java -cp /app/handles-tck.jar io.handlestck.container.HealthCheck}</pre>
 *
 * The port is the one {@code serve} listens on: {@code HANDLESTCK_SERVER_PORT}, else the default 10004.
 */
public final class HealthCheck {

    static final String HEALTH_PATH = "/$health";
    private static final int TIMEOUT_MILLIS = 2000;

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("HANDLESTCK_SERVER_PORT", String.valueOf(HandlesReferenceContainer.PORT));
        URI health = URI.create("http://127.0.0.1:" + port + HEALTH_PATH);
        try {
            HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println("unhealthy: " + health + " answered " + status);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("unhealthy: " + health + " is unreachable: " + e);
        }
        System.exit(1);
    }
}
