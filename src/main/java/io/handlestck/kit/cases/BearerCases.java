package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedStatus;
import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.errorCode;
import static io.handlestck.kit.cases.CaseSupport.errorDetail;
import static io.handlestck.kit.cases.CaseSupport.onAllHandles;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.Signing;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bearer tokens ({@code suites/bearer.yaml}): both operations authorized by {@code Authorization:
 * Bearer} with {@code x-ms-file-request-intent: backup}, the intent header required with a token,
 * SharedKey requests carrying it, and bad tokens refused without closing anything.
 *
 * <p>Bearer support is optional. A case without a configured token reports COULD_NOT_TEST; a target
 * that refuses the configured token on a plain List Handles reports NOT_IMPLEMENTED, with its answer
 * quoted, so that an expired or wrong token shows up as what it is.
 */
@HandlesTckCases
public class BearerCases {

    private static final String FILE = "bearer.txt";
    private static final String INTENT_HEADER = "x-ms-file-request-intent";
    private static final String STORAGE_RESOURCE = "https://storage.azure.com";

    @CaseId("BT-001")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(value = Resource.class, names = {"FILE", "SHARE_ROOT"})
    void listHandlesWithBearerToken(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        Set<String> opened = new TreeSet<>(open(ctx, share, path, 2));

        Response response = bearerListingOrNotImplemented(ctx, share.name(), path);

        assertEquals(opened, new TreeSet<>(HandleListing.of(response).handleIds()),
                "a bearer-authorized listing must show the handles a SharedKey listing shows");
    }

    @CaseId("BT-002")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(NamedHandles.class)
    void forceCloseWithBearerToken(NamedHandles named, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        List<String> opened = open(ctx, share, FILE, 2);
        bearerListingOrNotImplemented(ctx, share.name(), FILE);
        Set<String> left = named.leftOpen(opened);

        Response response = ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).handleId(named.handleId(opened)),
                Signing.bearer());

        assertStatus(response, 200, "Force Close Handles with a bearer token");
        assertEquals(String.valueOf(opened.size() - left.size()), response.getHeader("x-ms-number-of-handles-closed"),
                "x-ms-number-of-handles-closed");
        assertEquals(left, openOn(ctx, share, List.of(FILE)), "the handles still open after the bearer Force Close");
    }

    @CaseId("BT-003")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(HandleOperation.class)
    void intentHeaderIsRequiredWithBearerToken(HandleOperation operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        Set<String> opened = new TreeSet<>(open(ctx, share, FILE, 2));
        bearerListingOrNotImplemented(ctx, share.name(), FILE);
        Signing noIntent = Signing.bearer().withoutIntent();

        Response response = onAllHandles(ctx, operation, share.name(), FILE, noIntent);

        assertError(response, 400, "MissingRequiredHeader", operation + " with a bearer token and no " + INTENT_HEADER);
        assertEquals(INTENT_HEADER, errorDetail(response, "HeaderName"), "the error must name the missing header");
        assertEquals(opened, openOn(ctx, share, List.of(FILE)), "a refused request must not close any handle");
    }

    /**
     * The header is judged by what it changes, which must be nothing: each request is sent twice, with
     * and without it, and the answers compared. The rest of the answer is other cases' business.
     */
    @CaseId("BT-004")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(HandleOperation.class)
    void sharedKeyWithIntentHeaderIsAccepted(HandleOperation operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        List<String> opened = open(ctx, share, FILE, 2);
        String what = operation + " signed with SharedKey and carrying " + INTENT_HEADER + ": backup";

        if (operation == HandleOperation.LIST_HANDLES) {
            ListHandlesCall call = ListHandlesCall.on(share.name(), FILE);
            Response plain = plainOrCouldNotTest(ctx, ctx.target().listHandles(call));
            Response withIntent = ctx.target().listHandles(call.header(INTENT_HEADER, "backup"));
            assertStatus(withIntent, 200, what);
            assertEquals(plain.asString(), withIntent.asString(), what + ": the listing must be the one without the header");
        } else {
            ForceCloseCall call = ForceCloseCall.on(share.name(), FILE);
            Response plain = plainOrCouldNotTest(ctx, ctx.target().forceClose(call.handleId(opened.get(0))));
            Response withIntent = ctx.target().forceClose(call.handleId(opened.get(1)).header(INTENT_HEADER, "backup"));
            assertStatus(withIntent, 200, what);
            for (String counter : List.of("x-ms-number-of-handles-closed", "x-ms-number-of-handles-failed")) {
                assertEquals(plain.getHeader(counter), withIntent.getHeader(counter),
                        what + ": " + counter + " must be what closing the other handle without the header answered");
            }
        }
    }

    private static Response plainOrCouldNotTest(CaseContext ctx, Response plain) {
        if (plain.getStatusCode() != 200) {
            ctx.couldNotTest("the same request without " + INTENT_HEADER + " already fails, so the header cannot be"
                    + " judged: " + describe(plain));
        }
        return plain;
    }

    @CaseId("BT-005")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(BadToken.class)
    void badTokenIsRefusedAndClosesNothing(BadToken how, CaseContext ctx) {
        Response response = refusedAndNothingClosed(ctx, how);
        assertAllowedStatus(ctx, AnswerSet.STATUS, response, "Force Close Handles with a bearer token whose " + how);
    }

    @CaseId("BT-006")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(BadToken.class)
    void badTokenGetsTheServiceChallenge(BadToken how, CaseContext ctx) {
        Response response = refusedAndNothingClosed(ctx, how);
        assertError(response, 401, "InvalidAuthenticationInfo", "Force Close Handles with a bearer token whose " + how);
        String challenge = response.getHeader("WWW-Authenticate");
        assertNotNull(challenge, "a 401 must carry a WWW-Authenticate challenge; " + describe(response));
        assertTrue(challenge.startsWith("Bearer "), "WWW-Authenticate must be a Bearer challenge, was: " + challenge);
        String tenant = claim(configuredToken(ctx), "tid");
        String authorizationUri = challengeParameter(challenge, "authorization_uri");
        assertTrue(authorizationUri != null && (tenant == null
                        ? authorizationUri.matches("https://login\\.microsoftonline\\.com/[^/]+/oauth2/authorize")
                        : authorizationUri.equals("https://login.microsoftonline.com/" + tenant + "/oauth2/authorize")),
                "the challenge's authorization_uri must be https://login.microsoftonline.com/"
                        + (tenant == null ? "<tenant>" : tenant + " (the token's tid)") + "/oauth2/authorize, was: " + challenge);
        assertEquals(STORAGE_RESOURCE, challengeParameter(challenge, "resource_id"),
                "the challenge's resource_id; WWW-Authenticate was: " + challenge);
        assertNotNull(errorDetail(response, "AuthenticationErrorDetail"),
                "the error body must say which check failed in AuthenticationErrorDetail; " + describe(response));
    }

    /**
     * Sends a Force Close of every handle with a spoiled copy of the configured token while two handles
     * are open, checks that both are still open, and returns the answer for the case to judge.
     */
    private static Response refusedAndNothingClosed(CaseContext ctx, BadToken how) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        Set<String> opened = new TreeSet<>(open(ctx, share, FILE, 2));
        bearerListingOrNotImplemented(ctx, share.name(), FILE);
        Response response = ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).allHandles(),
                how.signing(configuredToken(ctx)));

        assertTrue(response.getStatusCode() >= 400, "a bad token must be refused; got " + describe(response));
        assertEquals(opened, openOn(ctx, share, List.of(FILE)), "a request with a bad token must not close any handle");
        return response;
    }

    /**
     * A List Handles with the configured token: the 200 answer when the target takes it. A target that
     * refuses it (401, 403, or a 400 that is not about a header) does not support bearer tokens, or not
     * this one: the case ends NOT_IMPLEMENTED, quoting the answer.
     */
    private static Response bearerListingOrNotImplemented(CaseContext ctx, String share, String path) {
        configuredToken(ctx);
        Response response = ctx.target().listHandles(ListHandlesCall.on(share, path), Signing.bearer());
        int status = response.getStatusCode();
        String code = errorCode(response);
        boolean headerComplaint = code != null && code.contains("Header");
        if (status == 401 || status == 403 || (status == 400 && !headerComplaint)) {
            ctx.notImplemented("the target does not take the configured bearer token: " + describe(response));
        }
        assertStatus(response, 200, "List Handles with a bearer token and " + INTENT_HEADER + ": backup");
        return response;
    }

    /** How BT-005 and BT-006 spoil the configured token; the names are what reports show as the variant. */
    enum BadToken {
        TAMPERED_SIGNATURE("tampered signature"),
        PAYLOAD_CHANGED("payload changed"),
        RESIGNED_WITH_HS256("re-signed with HS256"),
        NOT_A_JWT("not a JWT");

        private final String label;

        BadToken(String label) {
            this.label = label;
        }

        Signing signing(String configured) {
            return switch (this) {
                case TAMPERED_SIGNATURE -> Signing.bearer().tampered();
                case PAYLOAD_CHANGED -> Signing.bearer().withToken(withChangedPayload(configured));
                case RESIGNED_WITH_HS256 -> Signing.bearer().withToken(resignedWithHs256(configured));
                case NOT_A_JWT -> Signing.bearer().withToken("not-a-jwt");
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static String configuredToken(CaseContext ctx) {
        String token = ctx.target().target().bearerToken();
        if (token == null) {
            ctx.couldNotTest("no bearer token is configured: give --bearer-token, HANDLESTCK_BEARER_TOKEN or"
                    + " --bearer-token-command (for Azure: az account get-access-token --resource"
                    + " https://storage.azure.com --query accessToken -o tsv)");
        }
        return token;
    }

    /**
     * The token with one claim of its payload changed (the audience) and the signature kept: what a
     * forger who cannot sign would send. A target that checks signatures refuses it.
     */
    private static String withChangedPayload(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return token + "x";
        }
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload;
        try {
            payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return token + "x";
        }
        String changed = payload.contains("\"aud\"")
                ? payload.replaceFirst("\"aud\"\\s*:\\s*\"[^\"]*\"", "\"aud\":\"https://forged.example\"")
                : payload.replaceFirst("\\{", "{\"forged\":true,");
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + encoded + "." + parts[2];
    }

    /**
     * The token's claims signed again with HMAC-SHA256 under a secret of the forger's own: a token that
     * names a symmetric algorithm to slip past a check that only verifies the issuer's own algorithm.
     */
    private static String resignedWithHs256(String token) {
        String[] parts = token.split("\\.", -1);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = parts.length == 3 ? parts[1] : encoder.encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("a forger's own secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encoder.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A string claim of the token's payload, or null when the token is no JWT or lacks it. */
    private static String claim(String token, String name) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(payload);
        return value.find() ? value.group(1) : null;
    }

    /** One parameter of a {@code Bearer name=value name=value} challenge (quotes removed), or null. */
    private static String challengeParameter(String challenge, String name) {
        for (String part : challenge.substring("Bearer ".length()).trim().split("[\\s,]+")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1).replace("\"", "");
            }
        }
        return null;
    }
}
