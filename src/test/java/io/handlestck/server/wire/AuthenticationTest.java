package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.HandleListing;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.SignedRequest;
import io.handlestck.testsupport.SignedRequest.Scheme;
import io.handlestck.testsupport.WireClient;
import io.handlestck.testsupport.WireResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Issue 2, "Authentication": SharedKey and SharedKeyLite are accepted path-style and host-style; every
 * kind of bad authorization is refused with 403 and an XML {@code AuthenticationFailed} body, and the
 * refused request changes nothing (its handles stay open and listed).
 */
class AuthenticationTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.withDefaults();

    /** The ways a client can reach the account. */
    enum Addressing {
        PATH_STYLE, HOST_STYLE_LOCALHOST, HOST_STYLE_AZURE;

        WireClient client() {
            WireClient owner = SERVER.client();
            return switch (this) {
                case PATH_STYLE -> owner;
                case HOST_STYLE_LOCALHOST -> WireClient.hostStyle(SERVER.server().endpoint(),
                        owner.account() + ".localhost", owner.account(), owner.key());
                case HOST_STYLE_AZURE -> WireClient.hostStyle(SERVER.server().endpoint(),
                        owner.account() + ".file.core.windows.net", owner.account(), owner.key());
            };
        }
    }

    @ParameterizedTest(name = "{0} SharedKey")
    @EnumSource(Addressing.class)
    void sharedKeyIsAcceptedForEveryAddressing(Addressing addressing) {
        acceptsEveryOperation(addressing.client(), Scheme.SHARED_KEY);
    }

    @ParameterizedTest(name = "{0} SharedKeyLite")
    @EnumSource(Addressing.class)
    void sharedKeyLiteIsAcceptedForEveryAddressing(Addressing addressing) {
        acceptsEveryOperation(addressing.client(), Scheme.SHARED_KEY_LITE);
    }

    /**
     * Creates a share and a file whose name needs percent-encoding, opens a handle, lists it and force-closes it,
     * all signed with one scheme through one addressing.
     */
    private static void acceptsEveryOperation(WireClient client, Scheme scheme) {
        String share = EmbeddedServer.newShareName();
        String file = "a b+c%d&e=f;\u00fc.txt";
        WireClient.expect(client.request("PUT", share, "").query("restype", "share").scheme(scheme).send(), 201);
        WireClient.expect(client.request("PUT", share, file).header("x-ms-type", "file")
                .header("x-ms-content-length", "0").scheme(scheme).send(), 201);
        WireResponse opened = WireClient.expect(client.fixtureRequest("POST", "/handles")
                .body("{\"share\":\"" + share + "\",\"path\":\"" + file + "\"}", "application/json").scheme(scheme).send(), 201);
        String handleId = opened.json().path("handles").path(0).path("handleId").asText();

        WireResponse listed = WireClient.expect(client.listHandlesRequest(Scope.of(share, file)).scheme(scheme).send(), 200);
        assertThat(HandleListing.parse(listed).handleIds()).containsExactly(handleId);

        WireResponse closed = WireClient.expect(client.forceCloseRequest(Scope.of(share, file), handleId).scheme(scheme).send(), 200);
        assertThat(WireClient.forceCloseResult(closed).closed()).isEqualTo(1);
        assertThat(SERVER.client().handleState(share, handleId)).isEqualTo("force-closed");
    }

    @Test
    void theStandardDateHeaderSignsInsteadOfXmsDate() {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createShare(share);
        WireResponse response = SERVER.client().listHandlesRequest(Scope.root(share))
                .withoutHeader("x-ms-date").header("Date", SignedRequest.rfc1123(ZonedDateTime.now(ZoneOffset.UTC))).send();
        assertThat(response.status()).as("%s\n%s", response, response.text()).isEqualTo(200);
    }

    @Test
    void xmsDateWinsOverAnUnparsableDateHeader() {
        String share = EmbeddedServer.newShareName();
        SERVER.client().createShare(share);
        WireResponse response = SERVER.client().listHandlesRequest(Scope.root(share)).header("Date", "not a date at all").send();
        assertThat(response.status()).as("%s\n%s", response, response.text()).isEqualTo(200);
    }

    static Stream<Arguments> badAuthorizations() {
        String otherKey = Base64.getEncoder().encodeToString("not the account key, 32 bytes!!!".getBytes());
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return Stream.of(
                bad("wrong signature", request -> request.tamperSignature(AuthenticationTest::flipFirstCharacter)),
                bad("signature of an empty string", request -> request.tamperSignature(signature -> "")),
                bad("wrong account", request -> request.signedAs("otheraccount", SERVER.client().key())),
                bad("wrong key", request -> request.signedAs(SERVER.client().account(), otherKey)),
                bad("SharedKey signature labelled SharedKeyLite", request -> request.tamperAuthorization(
                        authorization -> authorization.replaceFirst("^SharedKey ", "SharedKeyLite "))),
                bad("missing date", request -> request.withoutHeader("x-ms-date")),
                bad("unparsable date", request -> request.header("x-ms-date", "yesterday at noon")),
                bad("ISO date instead of RFC 1123", request -> request.header("x-ms-date", now.toString())),
                bad("date 16 minutes old", request -> request.header("x-ms-date", SignedRequest.rfc1123(now.minusMinutes(16)))),
                bad("date 16 minutes ahead", request -> request.header("x-ms-date", SignedRequest.rfc1123(now.plusMinutes(16)))),
                bad("header added after signing", request -> {
                    String signedWithout = request.authorizationHeader();
                    return request.header("x-ms-client-request-id", "added-after-signing").tamperAuthorization(ignored -> signedWithout);
                }),
                bad("Authorization without a signature", request -> request.tamperAuthorization(
                        authorization -> authorization.substring(0, authorization.indexOf(':') + 1))));
    }

    private static Arguments bad(String name, UnaryOperator<SignedRequest> tamper) {
        return Arguments.of(name, tamper);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAuthorizations")
    void aBadAuthorizationIsRefusedAndChangesNothing(String name, UnaryOperator<SignedRequest> tamper) {
        Namespace namespace = Namespace.create();

        WireResponse closeAll = tamper.apply(SERVER.client().forceCloseRequest(Scope.root(namespace.share).recursively(), "*")).send();
        assertAuthenticationFailed(closeAll);
        WireResponse closeOne = tamper.apply(SERVER.client().forceCloseRequest(Scope.of(namespace.share, "d/f.txt"),
                namespace.handles.get(0).handleId())).send();
        assertAuthenticationFailed(closeOne);
        WireResponse open = tamper.apply(SERVER.client().fixtureRequest("POST", "/handles")
                .body("{\"share\":\"" + namespace.share + "\",\"path\":\"d/f.txt\",\"count\":5}", "application/json")).send();
        assertAuthenticationFailed(open);
        WireResponse deleteShare = tamper.apply(SERVER.client().request("DELETE", namespace.share, "")
                .query("restype", "share").header("x-ms-delete-snapshots", "include")).send();
        assertAuthenticationFailed(deleteShare);
        WireResponse list = tamper.apply(SERVER.client().listHandlesRequest(Scope.root(namespace.share).recursively())).send();
        assertAuthenticationFailed(list);

        namespace.assertUnchanged();
    }

    /** SAS tokens cannot authorize the handle operations: only the account owner may call them. */
    @Test
    void aSasAuthorizedRequestIsRefusedAndChangesNothing() {
        Namespace namespace = Namespace.create();
        WireResponse response = SERVER.client().forceCloseRequest(Scope.root(namespace.share).recursively(), "*")
                .scheme(Scheme.NONE)
                .query("sv", "2024-05-04").query("ss", "f").query("srt", "sco").query("sp", "rwdlc")
                .query("se", "2099-01-01T00:00:00Z").query("spr", "https,http")
                .query("sig", "c2lnbmF0dXJlLW9mLWEtc2FzLXRva2VuLWZvci10aGUtdGVzdA==")
                .send();
        assertThat(response.status()).as("%s\n%s", response, response.text()).isEqualTo(403);
        assertThat(response.errorCode()).as("x-ms-error-code of %s", response).isNotBlank();
        assertThat(response.errorElement().getElementsByTagName("Code").item(0).getTextContent()).isEqualTo(response.errorCode());
        namespace.assertUnchanged();
    }

    @Test
    void aRequestWithoutAuthorizationIsRefusedAndChangesNothing() {
        Namespace namespace = Namespace.create();
        WireResponse response = SERVER.client().forceCloseRequest(Scope.root(namespace.share).recursively(), "*")
                .scheme(Scheme.NONE).send();
        assertThat(response.status()).as("%s\n%s", response, response.text()).isBetween(400, 499).isNotEqualTo(404);
        assertThat(response.errorCode()).as("x-ms-error-code of %s", response).isNotBlank();
        response.errorElement();
        namespace.assertUnchanged();
    }

    private static void assertAuthenticationFailed(WireResponse response) {
        assertThat(response.status()).as("%s\n%s", response, response.text()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("AuthenticationFailed");
        Element error = response.errorElement();
        assertThat(error.getElementsByTagName("Code").item(0).getTextContent()).isEqualTo("AuthenticationFailed");
        assertThat(error.getElementsByTagName("AuthenticationErrorDetail").getLength())
                .as("AuthenticationErrorDetail in %s", response.text()).isEqualTo(1);
        assertThat(response.header("x-ms-request-id")).isPresent();
    }

    private static String flipFirstCharacter(String signature) {
        char first = signature.charAt(0);
        return (first == 'A' ? 'B' : 'A') + signature.substring(1);
    }

    /** A share with a directory, a file and handles on all three levels, and the proof that nothing changed. */
    private record Namespace(String share, List<OpenedHandle> handles) {

        static Namespace create() {
            String share = EmbeddedServer.newShareName();
            WireClient owner = SERVER.client();
            owner.createTree(share, "d/", "d/f.txt");
            List<OpenedHandle> handles = Stream.of(
                    owner.openHandles(share, "d/f.txt", 2), owner.openHandles(share, "d", 1), owner.openHandles(share, "", 1))
                    .flatMap(List::stream).toList();
            return new Namespace(share, handles);
        }

        void assertUnchanged() {
            WireClient owner = SERVER.client();
            List<String> listed = owner.listAllHandles(Scope.root(share).recursively(), null).stream()
                    .map(ListedHandle::handleId).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(handles.stream().map(OpenedHandle::handleId).toList());
            for (OpenedHandle handle : handles) {
                assertThat(owner.handleState(share, handle.handleId())).as("state of %s", handle).isEqualTo("open");
            }
            WireClient.expect(owner.request("HEAD", share, "d/f.txt").send(), 200);
        }
    }
}
