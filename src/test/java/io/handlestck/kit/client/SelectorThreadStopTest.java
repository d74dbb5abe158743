package io.handlestck.kit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedHttpClients#stopSelectorThreads} ends the JDK client's selector thread, which holds a
 * JVM's exit. Judged in a JVM of its own: stopping the shared clients here would leave this one's tests
 * without them.
 */
class SelectorThreadStopTest {

    @Test
    void theSelectorThreadOfABuiltClientEnds() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).as("the child's output").contains("before: 1", "after: 0");
        assertThat(process.exitValue()).isZero();
    }

    /** Builds the plain client by sending one request, and counts its selector threads before and after the stop. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            try {
                // Port 1 on loopback refuses at once: the client and its selector thread are built all the same.
                SharedHttpClients.forScheme("http").send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (ConnectException expected) {
                // the request was only there to build the client
            } catch (IOException other) {
                System.out.println("unexpected: " + other);
            }
            System.out.println("before: " + selectorThreads());
            SharedHttpClients.stopSelectorThreads();
            System.out.println("after: " + selectorThreads());
        }

        private static long selectorThreads() {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.isAlive() && thread.getName().matches("HttpClient-\\d+-SelectorManager")).count();
        }
    }
}
