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
import io.handlestck.server.defects.Defect;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole kit with {@code --provisioner smb} against the reference server's SMB endpoint, its
 * fixture protocol switched off: every handle the cases use is opened by the kit's own SMB client,
 * no case that needs handles is COULD_NOT_TEST, and every required and recommended case passes. An
 * endpoint that refuses the kit is one line at the start of the run and COULD_NOT_TEST for every
 * handle case, never PASS.
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
            assertThat(report.cases()).filteredOn(result -> result.level() != Level.OPTIONAL
                            && result.status() != Status.PASS)
                    .extracting(KitAgainstReferenceServerMetaTest::describe)
                    .as("required and recommended cases that did not pass").isEmpty();
            assertThat(report.cases()).filteredOn(result -> result.status() == Status.COULD_NOT_TEST
                            && catalogue.entry(result.id()).orElseThrow().needs(Capability.HANDLES))
                    .extracting(KitAgainstReferenceServerMetaTest::describe)
                    .as("cases needing handles that the smb provisioner could not set up").isEmpty();
            assertThat(report.cases()).filteredOn(result -> result.id().equals("CV-013")).singleElement()
                    .extracting(result -> result.message()).asString()
                    .as("the outcome CV-013 records: the reference server keeps a force-closed delete-on-close file")
                    .contains("kept the delete-on-close file");
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

    /**
     * Defects of the force close as its client feels them, each with the client-view cases that must
     * catch it and those that cannot be set up (measured, then fixed here): the same run as above,
     * restricted to the client-view class so that each defect costs seconds. With
     * SNAPSHOT_SCOPE_IGNORED the kit cannot learn the ids of its snapshot handles (List Handles with
     * sharesnapshot lists the live share), so CV-005 says COULD_NOT_TEST rather than guess; with
     * WILDCARD_CLOSES_ONE no Force Close ever answers a marker, so the page size cannot be found and
     * CV-006 says COULD_NOT_TEST (the paging cases of the force-close class catch that defect).
     */
    static Stream<Arguments> defectsTheClientSees() {
        return Stream.of(
                Arguments.of(Defect.RECURSION_IGNORED, Set.of("CV-003", "CV-004"), Set.of()),
                Arguments.of(Defect.WILDCARD_CLOSES_ONE, Set.of("CV-003", "CV-004", "CV-005"), Set.of("CV-006")),
                Arguments.of(Defect.OPEN_HANDLES_DO_NOT_BLOCK_DELETE, Set.of("CV-008"), Set.of()),
                Arguments.of(Defect.SNAPSHOT_SCOPE_IGNORED, Set.of(), Set.of("CV-005")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defectsTheClientSees")
    void theClientViewCasesCatchWhatTheClientSees(Defect defect, Set<String> catchers, Set<String> untestable)
            throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().port(0).smbPort(0).fixtures(false).defect(defect)
                .build().start()) {
            RunReport report = KitRunner.run(clientViewConfig(server), RunListener.SILENT);

            Set<String> caught = report.cases().stream()
                    .filter(result -> result.status() == Status.FAIL || result.status() == Status.WARN)
                    .map(result -> result.id()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(caught).as("client-view cases reporting FAIL or WARN with %s on:%n%s", defect,
                    report.cases().stream().filter(r -> r.status() != Status.PASS)
                            .map(KitAgainstReferenceServerMetaTest::describe).collect(Collectors.joining("\n")))
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(catchers));
            assertThat(report.cases()).filteredOn(result -> result.status() == Status.COULD_NOT_TEST)
                    .extracting(result -> result.id()).containsOnlyElementsOf(untestable);
            assertThat(report.cases()).filteredOn(result -> result.status() == Status.ERROR).isEmpty();
        }
    }

    /**
     * The defects with an {@code @smb} line in {@link DefectCatchers}, as the SMB client sees them: the
     * client-view cases aimed at each must report FAIL or WARN, and none may break instead of judging.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.handlestck.kit.DefectCatchers#seenOverSmb")
    void theCasesAimedAtADefectOverSmbCatchIt(Defect defect) throws Exception {
        List<String> aimed = DefectCatchers.aimedAtOverSmb(defect);
        assertThat(aimed).as("no case is aimed at %s in DefectCatchers", defect).isNotEmpty();
        try (ReferenceServer server = ReferenceServer.builder().port(0).smbPort(0).fixtures(false).defect(defect)
                .build().start()) {
            RunReport report = KitRunner.run(clientViewConfig(server), RunListener.SILENT);

            assertThat(report.error()).isNull();
            assertThat(report.cases()).as("cases that broke instead of judging with %s on", defect)
                    .filteredOn(result -> result.status() == Status.ERROR)
                    .extracting(KitAgainstReferenceServerMetaTest::describe).isEmpty();
            assertThat(report.cases().stream().filter(result -> result.status() == Status.FAIL
                            || result.status() == Status.WARN).map(result -> result.id()).toList())
                    .as("client-view cases aimed at %s that report FAIL or WARN", defect).containsAll(aimed);
        }
    }

    private static KitConfig clientViewConfig(ReferenceServer server) {
        return KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(), "key", server.key(),
                "provisioner", "smb", "smbPort", Integer.toString(server.smbPort()), "classes", "client-view"),
                new Properties(), Map.of(), null);
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

    /** Handles over SMB, and the server's own bearer token, so that no case lacks what the server can give. */
    static KitConfig smbConfig(ReferenceServer server) {
        return KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(), "account", server.account(),
                "key", server.key(), "provisioner", "smb", "smbPort", Integer.toString(server.smbPort()),
                "bearerToken", server.bearerIssuer().token()), new Properties(), Map.of(), null);
    }
}
