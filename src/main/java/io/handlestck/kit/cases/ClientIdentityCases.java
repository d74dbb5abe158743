package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.ids;
import static io.handlestck.kit.cases.CaseSupport.onlyHandle;
import static io.handlestck.kit.cases.ClientViewCases.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.client.HandleListing.ListedHandle;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.provision.ClientView;
import io.handlestck.kit.provision.ClientView.ClientIdentity;
import io.handlestck.kit.provision.HandleRequest;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's view of List Handles ({@code suites/client-view.yaml}): the session, address,
 * workstation and access a listed handle reports are compared with what the kit's own SMB client
 * was given, used and asked for.
 */
@HandlesTckCases
public class ClientIdentityCases {

    @CaseId("CV-009")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Resource.class)
    void sessionIdIsTheClientsSession(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        ClientView client = client(ctx);
        String first = ids(ctx.handles().open(HandleRequest.on(share.name(), path))).get(0);
        String second = ids(client.openInNewSession(HandleRequest.on(share.name(), path))).get(0);

        ListedHandle listedFirst = listed(ctx, share, path, first);
        ListedHandle listedSecond = listed(ctx, share, path, second);

        assertEquals(client.identity(share.name(), first).sessionId(), listedFirst.sessionId(),
                "SessionId of handle " + first + " must be the SMB session id its client was given");
        assertEquals(client.identity(share.name(), second).sessionId(), listedSecond.sessionId(),
                "SessionId of handle " + second + " must be the SMB session id its client was given");
        assertNotEquals(listedFirst.sessionId(), listedSecond.sessionId(), "handles of two sessions must list two"
                + " SessionIds");
    }

    @CaseId("CV-010")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Resource.class, names = {"FILE", "SHARE_ROOT"})
    void clientIpIsTheClientsOwnAddress(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String id = ids(ctx.handles().open(HandleRequest.on(share.name(), path))).get(0);
        ClientIdentity identity = client(ctx).identity(share.name(), id);
        if (!identity.direct()) {
            ctx.couldNotTest("the SMB endpoint is not a loopback address, so a NAT may rewrite the client's address "
                    + identity.clientIp() + " and the kit cannot know what ClientIp should be");
        }

        assertEquals(identity.clientIp(), listed(ctx, share, path, id).clientIp(),
                "ClientIp must be the ip:port of the client's end of the SMB connection (the kit made the socket)");
    }

    @CaseId("CV-011")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(value = Resource.class, names = {"FILE", "DIRECTORY"})
    void clientNameIsTheWorkstationName(Resource resource, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = resource.create(share);
        String id = ids(ctx.handles().open(HandleRequest.on(share.name(), path))).get(0);

        assertEquals(client(ctx).identity(share.name(), id).clientName(), listed(ctx, share, path, id).clientName(),
                "ClientName must be the workstation name the client sent when it logged on");
    }

    @CaseId("CV-012")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"Read", "Read,Write", "Read,Write,Delete", "Write,Delete"})
    void accessRightsAreWhatTheClientAskedFor(String rights, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String file = share.file("file.txt");
        String id = ids(ctx.handles().open(HandleRequest.on(share.name(), file).accessRights(rights.split(",")))).get(0);

        List<String> listedRights = listed(ctx, share, file, id).accessRights();

        assertNotNull(listedRights, "AccessRightList must be sent at " + ctx.version());
        assertEquals(new TreeSet<>(client(ctx).identity(share.name(), id).accessRights()), new TreeSet<>(listedRights),
                "AccessRightList must name the access the SMB client asked for");
    }

    private static ListedHandle listed(CaseContext ctx, TestShare share, String path, String id) {
        return onlyHandle(ListHandlesCases.firstPage(ctx, ListHandlesCall.on(share.name(), path)), id);
    }
}
