package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.server.auth.BearerIssuer;
import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.HandleListing;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.SignedRequest.Scheme;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, "Bearer tokens": from x-ms-version 2022-11-02 both handle operations take a token of the
 * configured issuer together with {@code x-ms-file-request-intent: backup}; without the header a valid
 * token is 400 MissingRequiredHeader; a bad, expired, not-yet-valid, foreign or wrong-audience token
 * is the service's 401 InvalidAuthenticationInfo with its Bearer challenge; and no refused request
 * closes a handle.
 */
class BearerAuthenticationTest {

    private static final BearerIssuer ISSUER = BearerIssuer.create();

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.bearerIssuer(ISSUER));

    private static final String FILE = "token.txt";
    private static final String INTENT = "x-ms-file-request-intent";
    private static final String SIGNATURE_FAILED = "Signature validation failed. The token is not signed by a trusted issuer.";

    @ParameterizedTest(name = "audience {0}")
    @ValueSource(strings = {"https://storage.azure.com", "https://storage.azure.com/",
            "https://devstoreaccount1.file.core.windows.net", "e406a681-f3d4-42a8-90b6-c2b029497af1"})
    void bothOperationsTakeATokenWithTheIntentHeader(String audience) {
        WireClient client = SERVER.client();
        String share = shareWithFile(client);
        List<OpenedHandle> opened = client.openHandles(share, FILE, 2);
        Instant now = Instant.now();
        String token = ISSUER.token(audience, now, now.plus(Duration.ofMinutes(10)));

        WireResponse listed = WireClient.expect(bearer(client.listHandlesRequest(Scope.of(share, FILE)), token).send(), 200);
        assertThat(HandleListing.parse(listed).handleIds())
                .containsExactlyInAnyOrderElementsOf(opened.stream().map(OpenedHandle::handleId).toList());

        WireResponse closed = WireClient.expect(bearer(client.forceCloseRequest(Scope.of(share, FILE), "*"), token).send(), 200);
        assertThat(closed.header("x-ms-number-of-handles-closed")).contains("2");
        assertThat(client.handleState(share, opened.get(0).handleId())).isEqualTo("force-closed");
    }

    @Test
    void theIssuersDefaultTokenIsAcceptedWithoutXmsDate() {
        WireClient client = SERVER.client();
        String share = shareWithFile(client);
        SignedRequest request = bearer(client.listHandlesRequest(Scope.of(share, FILE)), SERVER.server().bearerIssuer().token())
                .withoutHeader("x-ms-date");
        WireClient.expect(request.send(), 200);
    }

    @Test
    void aTokenWithoutTheIntentHeaderIsMissingRequiredHeaderAndClosesNothing() {
        WireClient client = SERVER.client();
        String share = shareWithFile(client);
        List<OpenedHandle> opened = client.openHandles(share, FILE, 2);

        WireResponse refused = bearer(client.forceCloseRequest(Scope.of(share, FILE), "*"), ISSUER.token())
                .withoutHeader(INTENT).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("MissingRequiredHeader");
        assertThat(refused.xmlText("HeaderName")).isEqualTo(INTENT);
        assertStillOpen(client, share, opened);
    }

    @Test
    void anIntentOtherThanBackupIsInvalidHeaderValue() {
        WireClient client = SERVER.client();
        String share = shareWithFile(client);
        WireResponse refused = bearer(client.listHandlesRequest(Scope.of(share, FILE)), ISSUER.token())
                .header(INTENT, "restore").send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("InvalidHeaderValue");
        assertThat(refused.xmlText("HeaderValue")).isEqualTo("restore");
    }

    static Stream<Arguments> badTokens() {
        Instant now = Instant.now();
        BearerIssuer stranger = BearerIssuer.create();
        return Stream.of(
                Arguments.of("expired", (Function<BearerIssuer, String>) issuer ->
                        issuer.token(BearerIssuer.STORAGE_AUDIENCE, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))),
                        "Lifetime validation failed. The token is expired."),
                Arguments.of("not yet valid", (Function<BearerIssuer, String>) issuer ->
                        issuer.token(BearerIssuer.STORAGE_AUDIENCE, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))),
                        "Lifetime validation failed. The token is not yet valid."),
                Arguments.of("wrong audience", (Function<BearerIssuer, String>) issuer ->
                        issuer.token("https://management.azure.com", now, now.plus(Duration.ofHours(1))),
                        "Audience validation failed. Audience did not match."),
                Arguments.of("another account's audience", (Function<BearerIssuer, String>) issuer ->
                        issuer.token("https://otheraccount.file.core.windows.net", now, now.plus(Duration.ofHours(1))),
                        "Audience validation failed. Audience did not match."),
                Arguments.of("another issuer", (Function<BearerIssuer, String>) issuer -> stranger.token(),
                        SIGNATURE_FAILED),
                Arguments.of("tampered signature", (Function<BearerIssuer, String>) issuer -> tampered(issuer.token()),
                        SIGNATURE_FAILED),
                Arguments.of("not a JWT", (Function<BearerIssuer, String>) issuer -> "opaque-token",
                        "The access token is not a well-formed JWT."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsTheServicesChallengeAndClosesNothing(String what, Function<BearerIssuer, String> token, String detail) {
        WireClient client = SERVER.client();
        String share = shareWithFile(client);
        List<OpenedHandle> opened = client.openHandles(share, FILE, 2);

        WireResponse refused = bearer(client.forceCloseRequest(Scope.of(share, FILE), "*"), token.apply(ISSUER)).send();

        assertThat(refused.status()).as(what).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("InvalidAuthenticationInfo");
        assertThat(refused.xmlText("Message")).startsWith("Server failed to authenticate the request. Please refer to"
                + " the information in the www-authenticate header.");
        assertThat(refused.xmlText("AuthenticationErrorDetail")).isEqualTo(detail);
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer authorization_uri=https://login.microsoftonline.com/"
                + ISSUER.tenant() + "/oauth2/authorize resource_id=https://storage.azure.com");
        assertThat(refused.header("x-ms-request-id")).isPresent();
        assertStillOpen(client, share, opened);
    }

    /** The server remembers verified tokens: what it remembers must be the exact text, and the checks after the signature still run. */
    @Test
    void aTokenAcceptedBeforeVouchesOnlyForItsExactTextAndStillNeedsTheIntent() {
        WireClient client = SERVER.client();
        String share = shareWithFile(client);
        List<OpenedHandle> opened = client.openHandles(share, FILE, 2);
        String token = ISSUER.token();
        for (int use = 0; use < 2; use++) {
            WireClient.expect(bearer(client.listHandlesRequest(Scope.of(share, FILE)), token).send(), 200);
        }

        WireResponse forged = bearer(client.forceCloseRequest(Scope.of(share, FILE), "*"), tampered(token)).send();
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.xmlText("AuthenticationErrorDetail")).isEqualTo(SIGNATURE_FAILED);
        WireResponse withoutIntent = bearer(client.forceCloseRequest(Scope.of(share, FILE), "*"), token).withoutHeader(INTENT).send();
        assertThat(withoutIntent.errorCode()).isEqualTo("MissingRequiredHeader");
        assertStillOpen(client, share, opened);
    }

    @Test
    void versionsBefore20221102RefuseBearerTokens() {
        WireClient client = SERVER.client().withVersion("2021-12-02");
        String share = shareWithFile(SERVER.client());
        WireResponse refused = bearer(client.listHandlesRequest(Scope.of(share, FILE)), ISSUER.token()).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("AuthenticationFailed");
        assertThat(refused.xmlText("AuthenticationErrorDetail")).contains("2022-11-02");
    }

    @Test
    void sharedKeyWithTheIntentHeaderIsAccepted() {
        WireClient client = SERVER.client();
        String share = shareWithFile(client);
        client.openHandles(share, FILE, 1);
        WireResponse listed = WireClient.expect(client.listHandlesRequest(Scope.of(share, FILE)).header(INTENT, "backup").send(), 200);
        assertThat(HandleListing.parse(listed).handleIds()).hasSize(1);
    }

    /** The token with one character of its signature changed. */
    private static String tampered(String token) {
        int at = token.length() - 5;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    private static SignedRequest bearer(SignedRequest request, String token) {
        return request.scheme(Scheme.NONE).header("Authorization", "Bearer " + token).header(INTENT, "backup");
    }

    private static String shareWithFile(WireClient client) {
        String share = EmbeddedServer.newShareName();
        client.createShare(share);
        client.createFile(share, FILE);
        return share;
    }

    private static void assertStillOpen(WireClient client, String share, List<OpenedHandle> opened) {
        for (OpenedHandle handle : opened) {
            assertThat(client.handleState(share, handle.handleId())).as("handle %s", handle.handleId()).isEqualTo("open");
        }
    }
}
