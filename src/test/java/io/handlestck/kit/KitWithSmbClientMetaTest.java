package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.run.KitRunner;
import io.handlestck.kit.run.RunListener;
import io.handlestck.server.ReferenceServer;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The whole kit with {@code --provisioner smb} against the reference server's SMB endpoint, its
 * fixture protocol switched off: every handle the cases use is opened by the kit's own SMB client,
 * and every required and recommended case passes. LH-015 alone is COULD_NOT_TEST: its handles must
 * seem to come from clients the kit chose (client-identity), which a real client cannot fake; CV-009 to
 * CV-011 check the client's real identity instead. An endpoint that refuses the kit is one line at the
 * start of the run and COULD_NOT_TEST for every handle case, never PASS.
 */
class KitWithSmbClientMetaTest {

    @Test
    void everyRequiredAndRecommendedCasePassesWithHandlesOpenedOverSmb() throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().port(0).smbPort(0).fixtures(false).build().start()) {
            RunReport report = KitRunner.run(smbConfig(server), RunListener.SILENT);
            Catalogue catalogue = Catalogue.fromClasspath();

            assertThat(report.error()).isNull();
            assertThat(report.target().provisioner()).isEqualTo("smb");
            KitAgainstReferenceServerMetaTest.assertEveryEntryReported(report);
            List<String> notPassing = report.cases().stream()
                    .filter(result -> result.level() != Level.OPTIONAL && result.status() != Status.PASS
                            && !catalogue.entry(result.id()).orElseThrow().needs(Capability.CLIENT_IDENTITY))
                    .map(KitAgainstReferenceServerMetaTest::describe).toList();
            assertThat(notPassing).as("required and recommended cases that did not pass, except those whose handles"
                    + " must seem to come from a client the kit is not").isEmpty();
            assertThat(report.cases()).filteredOn(result -> result.status() == Status.COULD_NOT_TEST)
                    .allSatisfy(result -> assertThat(result.message()).contains("client-identity"));
            assertThat(report.cases()).filteredOn(result -> result.id().startsWith("CV-"))
                    .allSatisfy(result -> assertThat(result.status()).as(result.displayName()).isEqualTo(Status.PASS));
            assertThat(report.cases()).allSatisfy(result -> assertThat(result.cleanupProblems()).isEmpty());
        }
    }

    @Test
    void anEndpointRefusingSmbIsOneLineAtTheStartAndEveryHandleCaseCouldNotTest() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ReferenceServer server = ReferenceServer.builder().port(0).smbPort(0).fixtures(false).build().start()) {
            assertRefusal(KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(), "key", server.key(),
                    "provisioner", "smb", "smbPort", Integer.toString(closedPort), "classes", "client-view,handle-semantics"),
                    new Properties(), Map.of(), null), "refuses connections (port closed?)");
            assertRefusal(KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(), "key", server.key(),
                    "provisioner", "smb", "smbPort", Integer.toString(server.smbPort()), "smbPassword", "wrong",
                    "classes", "client-view,handle-semantics"), new Properties(), Map.of(), null), "refused the logon");
        }
    }

    @Test
    void autoChoosesSmbWhereThereIsNoFixtureProtocolButAnSmbEndpoint() throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().port(0).smbPort(0).fixtures(false).build().start()) {
            RunReport report = KitRunner.run(KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(),
                    "key", server.key(), "smbPort", Integer.toString(server.smbPort()), "cases", "CV-001"),
                    new Properties(), Map.of(), null), RunListener.SILENT);
            assertThat(report.target().provisioner()).isEqualTo("smb");
            assertThat(report.cases()).isNotEmpty()
                    .allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.PASS));
        }
    }

    private static void assertRefusal(KitConfig config, String reason) {
        List<String> notices = new ArrayList<>();
        RunReport report = KitRunner.run(config, new RunListener() {
            @Override
            public void notice(String line) {
                notices.add(line);
            }
        });
        assertThat(report.error()).isNull();
        assertThat(notices).singleElement().asString().contains(reason).doesNotContain("\n");
        assertThat(report.cases()).isNotEmpty().allSatisfy(result -> {
            assertThat(result.status()).as(result.displayName()).isEqualTo(Status.COULD_NOT_TEST);
            assertThat(result.message()).contains(reason);
        });
    }

    static KitConfig smbConfig(ReferenceServer server) {
        return KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(), "account", server.account(),
                "key", server.key(), "provisioner", "smb", "smbPort", Integer.toString(server.smbPort())),
                new Properties(), Map.of(), null);
    }
}
