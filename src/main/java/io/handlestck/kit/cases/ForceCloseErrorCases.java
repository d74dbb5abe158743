package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertAllowedError;
import static io.handlestck.kit.cases.CaseSupport.assertAllowedStatus;
import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.errorDetail;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.onMissingPath;
import static io.handlestck.kit.cases.CaseSupport.open;
import static io.handlestck.kit.cases.CaseSupport.openOn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.catalogue.AnswerSet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.HandleOperation;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Force Close Handles ({@code suites/force-close-handles.yaml}): requests the target must refuse
 * (malformed or missing {@code x-ms-handle-id}, {@code x-ms-recursive} on a file, missing resources)
 * and that they close nothing.
 */
@HandlesTckCases
public class ForceCloseErrorCases {

    @CaseId("FCH-009")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"invalidHandleId", "-1", "1.5", "0x1F", "18446744073709551616", "1 2", "*1", "1,2"})
    void malformedIdIsRefusedAndClosesNothing(String malformed, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("target.txt");
        Set<String> ids = new TreeSet<>(open(ctx, share, file, 2));

        assertStatus(ctx.target().forceClose(ForceCloseCall.on(share.name(), file).handleId(malformed)), 400,
                "Force Close with x-ms-handle-id '" + malformed + "'");

        assertEquals(ids, openOn(ctx, share, List.of(file)), "a refused request must not close any handle");
    }

    @CaseId("FCH-010")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"invalidHandleId", "-1", "18446744073709551616", "1\t2"})
    void malformedIdIsReportedAsInvalidHeaderValue(String malformed, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().forceClose(
                ForceCloseCall.on(share.name(), share.file("target.txt")).handleId(malformed));
        assertError(response, 400, "InvalidHeaderValue", "Force Close with x-ms-handle-id '" + malformed + "'");
        assertEquals("x-ms-handle-id", errorDetail(response, "HeaderName"), "the error must name the header");
        assertEquals(malformed, errorDetail(response, "HeaderValue"), "the error must repeat the value");
    }

    @CaseId("FCH-011")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void missingHandleIdIsRefusedAndClosesNothing(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        Set<String> ids = new TreeSet<>(open(ctx, share, path, 2));

        assertAllowedStatus(ctx, AnswerSet.STATUS, ctx.target().forceClose(ForceCloseCall.on(share.name(), path)),
                "Force Close without x-ms-handle-id on the " + resource);

        assertEquals(ids, openOn(ctx, share, List.of(path)), "a refused request must not close any handle");
    }

    @CaseId("FCH-012")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void missingHandleIdIsReportedAsMissingRequiredHeader(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response response = ctx.target().forceClose(ForceCloseCall.on(share.name(), resource.create(share)));
        assertError(response, 400, "MissingRequiredHeader", "Force Close without x-ms-handle-id");
        assertEquals("x-ms-handle-id", errorDetail(response, "HeaderName"), "the error must name the header");
    }

    @CaseId("FCH-013")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"true", "false"})
    void recursiveOnAFileIsRefusedAndClosesNothing(String recursive, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("target.txt");
        Set<String> ids = new TreeSet<>(open(ctx, share, file, 2));

        for (String handleId : List.of("*", ids.iterator().next())) {
            assertAllowedError(ctx, AnswerSet.ERROR_CODE, ctx.target().forceClose(
                    ForceCloseCall.on(share.name(), file).handleId(handleId).recursive(recursive)), 400,
                    "Force Close " + handleId + " on a file with x-ms-recursive: " + recursive);
        }

        assertEquals(ids, openOn(ctx, share, List.of(file)), "a refused request must not close any handle");
    }

    @CaseId("FCH-020")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("io.handlestck.kit.cases.CaseSupport#missingPaths")
    void missingFileOrDirectoryIsNotFound(String path, CaseContext ctx) {
        assertStatus(onMissingPath(ctx, HandleOperation.FORCE_CLOSE_HANDLES, path), 404, "Force Close * on the missing '" + path + "'");
    }

    @CaseId("FCH-027")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @MethodSource("io.handlestck.kit.cases.CaseSupport#missingPaths")
    void missingFileOrDirectoryIsResourceNotFound(String path, CaseContext ctx) {
        assertError(onMissingPath(ctx, HandleOperation.FORCE_CLOSE_HANDLES, path), 404, "ResourceNotFound",
                "Force Close * on the missing '" + path + "'");
    }

    @CaseId("FCH-021")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void missingShareIsNotFound(Resource resource, CaseContext ctx) {
        assertStatus(ctx.target().forceClose(ForceCloseCall.on(CaseSupport.missingShareName(), resource.missingPath())
                .allHandles()), 404, "Force Close * on a " + resource + " of a missing share");
    }

    @CaseId("FCH-029")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void missingShareIsShareNotFound(Resource resource, CaseContext ctx) {
        assertError(ctx.target().forceClose(ForceCloseCall.on(CaseSupport.missingShareName(), resource.missingPath())
                .allHandles()), 404, "ShareNotFound", "Force Close * on a " + resource + " of a missing share");
    }

    @CaseId("FCH-022")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void unknownSnapshotIsNotFound(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        share.snapshot();
        assertAllowedError(ctx, AnswerSet.ERROR_CODE, ctx.target().forceClose(ForceCloseCall.on(share.name(), path)
                .allHandles().snapshot("2001-01-01T00:00:00.0000000Z")), 404,
                "Force Close * on a " + resource + " of a snapshot that was never taken");
    }
}
