package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedError;
import static io.handlestck.kit.cases.CaseSupport.assertAllowedStatus;
import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.onAllHandles;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOn;
import static io.handlestck.kit.cases.ProtocolCases.FILE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ForceCloseResult;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.Signing;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.sharedkey.SharedKey;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protocol ({@code suites/protocol.yaml}): authorization. Requests that must be refused are sent while
 * handles are open, and the cases check that none of them closed anything.
 */
@HandlesTckCases
public class ProtocolAuthorizationCases {

    @CaseId("PRO-010")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(NamedHandles.class)
    void tamperedSignatureIsRefused(NamedHandles named, CaseContext ctx) {
        refusedAndNothingClosed(ctx, named, Signing.sharedKey().tampered(), "a tampered signature",
                response -> assertError(response, 403, "AuthenticationFailed", "Force Close with a tampered signature"));
    }

    @CaseId("PRO-011")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(ForeignSigner.class)
    void foreignSignatureIsRefused(ForeignSigner whose, CaseContext ctx) {
        refusedAndNothingClosed(ctx, NamedHandles.EVERY_HANDLE, whose.signing(), "a signature with " + whose,
                response -> assertStatus(response, 403, "Force Close signed with " + whose));
    }

    @CaseId("PRO-012")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"PT16M", "-PT16M", "-PT2H", "P1D"})
    void staleDateIsRefused(String skew, CaseContext ctx) {
        refusedAndNothingClosed(ctx, NamedHandles.EVERY_HANDLE, Signing.sharedKey().withClockSkew(Duration.parse(skew)),
                "x-ms-date off by " + skew, response -> assertStatus(response, 403, "Force Close dated " + skew + " away"));
    }

    @CaseId("PRO-023")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"PT14M", "-PT14M", "PT6M", "-PT6M"})
    void dateWithinFifteenMinutesIsAccepted(String skew, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file(FILE);
        Set<String> ids = new TreeSet<>(open(ctx, share, file, 2));

        Response response = ctx.target().forceClose(ForceCloseCall.on(share.name(), file).allHandles(),
                Signing.sharedKey().withClockSkew(Duration.parse(skew)));

        assertStatus(response, 200, "Force Close * dated " + skew + " away, within the 15 minutes");
        assertEquals(Long.valueOf(ids.size()), ForceCloseResult.of(response).closed(), "the accepted request closes both handles");
    }

    @CaseId("PRO-013")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(NamedHandles.class)
    void missingDateIsRefused(NamedHandles named, CaseContext ctx) {
        refusedAndNothingClosed(ctx, named, Signing.sharedKey().withoutDate(), "no Date and no x-ms-date",
                response -> assertAllowedStatus(ctx, AnswerSet.STATUS, response, "Force Close without a date"));
    }

    @CaseId("PRO-025")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(UnreadableDate.class)
    void unreadableDateIsRefused(UnreadableDate date, CaseContext ctx) {
        String text = date.text();
        refusedAndNothingClosed(ctx, NamedHandles.EVERY_HANDLE, Signing.sharedKey().withoutDate(),
                call -> call.header("x-ms-date", text), "x-ms-date '" + text + "'",
                response -> assertAllowedStatus(ctx, AnswerSet.STATUS, response, "Force Close with x-ms-date '" + text + "'"));
    }

    /** x-ms-date values that are no RFC 1123 date, signed like any other; the labels are the variants in reports. */
    enum UnreadableDate {
        ISO_8601("the time in ISO 8601"),
        NOT_A_DATE("not a date");

        private final String label;

        UnreadableDate(String label) {
            this.label = label;
        }

        /** The current time in ISO 8601, so that only its form is wrong; else a word. */
        String text() {
            return this == ISO_8601 ? DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    : "tomorrow";
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @CaseId("PRO-014")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(HandleOperation.class)
    void sharedAccessSignatureIsRefused(HandleOperation operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        Set<String> ids = new TreeSet<>(open(ctx, share, FILE, 2));
        String url = TargetClient.withQuery(ctx.target().url(share.name(), FILE), accountSas(ctx, operation));

        Response response = operation == HandleOperation.LIST_HANDLES
                ? ctx.target().request(Signing.unsigned()).get(url)
                : ctx.target().request(Signing.unsigned()).header("x-ms-handle-id", "*").put(url);

        assertAllowedError(ctx, AnswerSet.ERROR_CODE, response, 403, operation + " authorized by an account SAS");
        assertEquals(ids, openOn(ctx, share, List.of(FILE)), "a refused request must not close any handle");
    }

    @CaseId("PRO-015")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(HandleOperation.class)
    void anonymousRequestIsRefused(HandleOperation operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        Set<String> ids = new TreeSet<>(open(ctx, share, FILE, 2));

        Response response = onAllHandles(ctx, operation, share.name(), FILE, Signing.unsigned());

        assertAllowedStatus(ctx, AnswerSet.STATUS, response, operation + " without Authorization");
        assertEquals(ids, openOn(ctx, share, List.of(FILE)), "a refused request must not close any handle");
    }

    @CaseId("PRO-016")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(HandleOperation.class)
    void sharedKeyLiteIsAccepted(HandleOperation operation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        List<String> ids = open(ctx, share, FILE, 2);
        Signing lite = Signing.sharedKeyLite();

        Response response = operation == HandleOperation.LIST_HANDLES
                ? ctx.target().listHandles(ListHandlesCall.on(share.name(), FILE), lite)
                : ctx.target().forceClose(ForceCloseCall.on(share.name(), FILE).handleId(ids.get(0)), lite);

        if (response.getStatusCode() == 403) {
            ctx.notImplemented("the target refuses SharedKeyLite: " + describe(response));
        }
        assertStatus(response, 200, operation + " signed with SharedKeyLite");
        if (operation == HandleOperation.LIST_HANDLES) {
            assertEquals(new TreeSet<>(ids), new TreeSet<>(HandleListing.of(response).handleIds()),
                    "the listing must show both handles");
        } else {
            assertEquals("1", response.getHeader("x-ms-number-of-handles-closed"), "one handle was named");
        }
    }

    /**
     * Opens two handles on a file, sends a Force Close that must be refused, judges the answer, and
     * checks that both handles are still open.
     */
    private static void refusedAndNothingClosed(CaseContext ctx, NamedHandles named, Signing signing, String what,
                                                Consumer<Response> judge) {
        refusedAndNothingClosed(ctx, named, signing, UnaryOperator.identity(), what, judge);
    }

    /** The same, with the Force Close given headers of the case's own ({@code shape}) before it is signed. */
    private static void refusedAndNothingClosed(CaseContext ctx, NamedHandles named, Signing signing,
                                                UnaryOperator<ForceCloseCall> shape, String what, Consumer<Response> judge) {
        TestShare share = ctx.newShare();
        share.file(FILE);
        List<String> opened = open(ctx, share, FILE, 2);
        judge.accept(ctx.target().forceClose(shape.apply(ForceCloseCall.on(share.name(), FILE)
                .handleId(named.handleId(opened))), signing));

        assertEquals(new TreeSet<>(opened), openOn(ctx, share, List.of(FILE)), "a request with " + what + " must not close any handle");
    }

    /**
     * The query of a well-formed account SAS for the file service, signed with the account key: a
     * signature the target could verify, so that a refusal is about the rule "only the account owner",
     * not about a broken token.
     */
    private static String[] accountSas(CaseContext ctx, HandleOperation operation) {
        String version = "2019-12-12";
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
        String start = iso.format(Instant.now().minus(5, ChronoUnit.MINUTES));
        String expiry = iso.format(Instant.now().plus(1, ChronoUnit.HOURS));
        String permissions = "rwdlc";
        String stringToSign = String.join("\n", ctx.target().account(), permissions, "f", "sco", start, expiry, "",
                "https,http", version, "");
        String signature = SharedKey.signature(stringToSign, ctx.target().target().key());
                return new String[] {"comp", operation.comp(), "sv", version, "ss", "f", "srt", "sco", "sp", permissions, "st", start,
                "se", expiry, "spr", "https,http", "sig", signature};
    }

    /** Whose SharedKey signature PRO-011 sends instead of the account's own; the names are the variants in reports. */
    enum ForeignSigner {
        ANOTHER_KEY("another key"),
        ANOTHER_ACCOUNT("another account");

        private final String label;

        ForeignSigner(String label) {
            this.label = label;
        }

        Signing signing() {
            return this == ANOTHER_KEY ? Signing.sharedKey().withKey(randomKey())
                    : Signing.sharedKey().withAccount("kitother" + UUID.randomUUID().toString().substring(0, 8));
        }

        private static String randomKey() {
            byte[] key = new byte[64];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
