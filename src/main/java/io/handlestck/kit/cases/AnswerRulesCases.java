package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertClosed;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ForceCloseResult;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.rules.ResponseRules;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answer rules ({@code suites/answer-rules.yaml}): what every answer keeps beyond the one feature a
 * case is about. {@link ResponseRules} holds every exchange of every case to the header rules; the
 * cases here make the answers those rules had not met yet: Force Close with client request ids at
 * and over the limit, failure counts after real closes, a List Handles page that is exactly full.
 */
@HandlesTckCases
public class AnswerRulesCases {

    @CaseId("AR-001")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1024, 1025})
    void forceCloseEchoesTheClientRequestIdUpTo1024Characters(int length, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("limit.txt");
        String clientRequestId = "c".repeat(length);

        Response response = ctx.target().forceClose(ForceCloseCall.on(share.name(), file).allHandles()
                .header("x-ms-client-request-id", clientRequestId));

        assertTrue(response.getStatusCode() < 500, "a long x-ms-client-request-id must not break Force Close");
        if (length <= ResponseRules.CLIENT_REQUEST_ID_LIMIT) {
            assertEquals(clientRequestId, response.getHeader("x-ms-client-request-id"),
                    "a " + length + "-character id must be echoed by Force Close");
        } else {
            assertNull(response.getHeader("x-ms-client-request-id"),
                    "a " + length + "-character id is over the limit and must not be echoed by Force Close");
        }
    }

    /** The variant once called "by id" keeps that name, so that reports before and after the type compare. */
    static Stream<Arguments> namedHandles() {
        return Stream.of(Arguments.of(Named.of("by id", NamedHandles.ONE_HANDLE)), Arguments.of(NamedHandles.EVERY_HANDLE));
    }

    @CaseId("AR-002")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @MethodSource("namedHandles")
    void realClosesReportNoneFailed(NamedHandles named, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("closes.txt");
        List<String> ids = open(ctx, share, file, 3);
        Set<String> expectedLeft = named.leftOpen(ids);

        ForceCloseResult result = assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), file)
                .handleId(named.handleId(ids))), ids.size() - expectedLeft.size(), "Force Close " + named);

        assertEquals(Long.valueOf(0), result.failed(), "after closing open handles (" + named
                + "), x-ms-number-of-handles-failed must be 0 (it was "
                + result.response().getHeader("x-ms-number-of-handles-failed") + ")");
        assertEquals(expectedLeft, openOn(ctx, share, List.of(file)),
                "the handles reported closed must be gone, the others listed");
    }

    @CaseId("AR-003")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 3})
    void anExactlyFullPageHasNoMarker(int handles, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("full.txt");
        Set<String> ids = Set.copyOf(open(ctx, share, file, handles));

        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), file).maxResults(handles));

        assertStatus(response, 200, "List Handles with maxresults=" + handles + " on " + handles + " handle(s)");
        HandleListing page = HandleListing.of(response);
        assertEquals(ids, Set.copyOf(page.handleIds()), "the full page must hold every handle");
        assertTrue(page.nextMarker() == null || page.nextMarker().isEmpty(),
                "nothing remains after an exactly full page, so NextMarker must be empty, not " + page.nextMarker());
    }
}
