package io.handlestck.kit;

import io.handlestck.sharedkey.CanonicalRequest;
import io.handlestck.sharedkey.SharedKey;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A minimal HTTP server for the kit's own tests: it verifies SharedKey signatures over exactly what
 * arrived on the wire, independently of the reference server, and remembers what it saw. It answers
 * 200 when the signature verifies and 403 when it does not.
 */
final class SigningServer implements AutoCloseable {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** What one request looked like on arrival. */
    record Seen(String method, String rawPath, Map<String, String> headers, boolean verified, String stringToSign) {
    }

    private final Server server = new Server();
    private final String account;
    private final String key;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    SigningServer(String account, String key) throws Exception {
        this.account = account;
        this.key = key;
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (HttpField field : request.getHeaders()) {
                    headers.put(field.getName(), field.getValue());
                }
                String rawPath = request.getHttpURI().getPath();
                CanonicalRequest canonical = new CanonicalRequest(request.getMethod(), headers, rawPath,
                        query(request.getHttpURI().getQuery()));
                String authorization = headers.getOrDefault("Authorization", "");
                boolean lite = authorization.startsWith("SharedKeyLite ");
                String stringToSign = lite ? SharedKey.stringToSignLite(canonical, account)
                        : SharedKey.stringToSign(canonical, account);
                String expected = (lite ? "SharedKeyLite " : "SharedKey ") + account + ":"
                        + SharedKey.signature(stringToSign, key);
                boolean verified = SharedKey.signaturesMatch(expected, authorization);
                seen.add(new Seen(request.getMethod(), rawPath, headers, verified, stringToSign));
                // The headers every answer of the service carries, so that the kit's answer rules hold.
                response.getHeaders().put("x-ms-request-id", UUID.randomUUID().toString());
                response.getHeaders().put("Date", IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
                for (String echoed : List.of("x-ms-version", "x-ms-client-request-id")) {
                    if (headers.containsKey(echoed)) {
                        response.getHeaders().put(echoed, headers.get(echoed));
                    }
                }
                response.getHeaders().put("Server", "signing-test-server");
                if (verified) {
                    response.setStatus(200);
                    callback.succeeded();
                } else {
                    response.setStatus(403);
                    response.getHeaders().put("x-ms-error-code", "AuthenticationFailed");
                    response.getHeaders().put("Content-Type", "application/xml");
                    response.write(true, ByteBuffer.wrap(("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
                            + "AuthenticationFailed</Code><Message>signature mismatch</Message></Error>")
                            .getBytes(StandardCharsets.UTF_8)), callback);
                }
                return true;
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    List<Seen> seen() {
        return seen;
    }

    Seen last() {
        return seen.get(seen.size() - 1);
    }

    private static List<Map.Entry<String, String>> query(String raw) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            out.add(new AbstractMap.SimpleImmutableEntry<>(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
