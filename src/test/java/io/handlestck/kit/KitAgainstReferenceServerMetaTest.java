package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.run.KitRunner;
import io.handlestck.kit.run.RunListener;
import io.handlestck.server.ReferenceServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kit against the reference server as it should be: every required and recommended case passes
 * (the kit does not cry wolf), and with the fixture protocol switched off every case that needs
 * handles says COULD_NOT_TEST while the others still pass (the kit never passes what it could not test).
 */
class KitAgainstReferenceServerMetaTest {

    @Test
    void everyRequiredAndRecommendedCasePassesAgainstTheEmbeddedReferenceServer() {
        RunReport report = KitRunner.run(KitConfig.defaults(), RunListener.SILENT);

        assertThat(report.error()).isNull();
        assertThat(report.target().provisioner()).isEqualTo("fixture");
        assertThat(report.target().serverHeader()).startsWith(ReferenceServer.PRODUCT);
        assertEveryEntryReported(report);
        Catalogue catalogue = Catalogue.fromClasspath();
        // The client-view cases judge what a real SMB client sees: the fixture protocol cannot stand in
        // for one, so there they must say COULD_NOT_TEST (KitWithSmbClientMetaTest runs them for real).
        List<String> notPassing = report.cases().stream()
                .filter(result -> result.level() != Level.OPTIONAL && result.status() != Status.PASS
                        && !(catalogue.entry(result.id()).orElseThrow().needs(Capability.SMB_CLIENT)
                                && result.status() == Status.COULD_NOT_TEST))
                .map(KitAgainstReferenceServerMetaTest::describe).toList();
        assertThat(notPassing).as("required and recommended cases that did not pass").isEmpty();
        List<String> optionalWrong = report.cases().stream()
                .filter(result -> result.level() == Level.OPTIONAL && result.status() != Status.PASS
                        && result.status() != Status.NOT_IMPLEMENTED)
                .map(KitAgainstReferenceServerMetaTest::describe).toList();
        assertThat(optionalWrong).as("optional cases that answered wrongly").isEmpty();
        assertThat(report.cases()).allSatisfy(result -> assertThat(result.cleanupProblems()).isEmpty());
        assertThat(report.cases()).allSatisfy(KitAgainstReferenceServerMetaTest::assertTraceable);
    }

    /**
     * A result leads in one hop each to its catalogue entry (a file of the jar that holds the id) and to
     * the method that judged it (it carries the id).
     */
    static void assertTraceable(CaseResult result) {
        URL file = KitAgainstReferenceServerMetaTest.class.getClassLoader().getResource(result.catalogueFile());
        assertThat(file).as("%s names catalogue file %s", result.id(), result.catalogueFile()).isNotNull();
        try (InputStream in = file.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(result.catalogueFile())
                    .containsPattern("id: " + result.id() + "\\b");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Method method;
        try {
            method = Arrays.stream(Class.forName(result.javaClass()).getDeclaredMethods())
                    .filter(candidate -> candidate.getName().equals(result.javaMethod())).findFirst().orElseThrow();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(result.id() + " names class " + result.javaClass() + ", which does not exist", e);
        }
        assertThat(method.getAnnotation(CaseId.class).value()).as("@CaseId of %s#%s", result.javaClass(),
                result.javaMethod()).isEqualTo(result.id());
    }

    @Test
    void withoutFixturesEveryCaseNeedingHandlesCouldNotTestAndTheRestPass() throws Exception {
        try (ReferenceServer server = ReferenceServer.builder().fixtures(false).build().start()) {
            RunReport report = KitRunner.run(configFor(server), RunListener.SILENT);

            assertThat(report.error()).isNull();
            assertThat(report.target().provisioner()).isEqualTo("none");
            assertEveryEntryReported(report);
            Map<String, CatalogueEntry> entries = Catalogue.fromClasspath().entries().stream()
                    .collect(Collectors.toMap(CatalogueEntry::id, entry -> entry));
            List<String> wrong = report.cases().stream().filter(result -> {
                CatalogueEntry entry = entries.get(result.id());
                boolean needsHandles = entry.needs(Capability.HANDLES) || entry.needs(Capability.SNAPSHOTS)
                        || entry.needs(Capability.FIXTURE_STATE);
                if (needsHandles) {
                    return result.status() != Status.COULD_NOT_TEST;
                }
                return result.level() != Level.OPTIONAL ? result.status() != Status.PASS
                        : result.status() != Status.PASS && result.status() != Status.NOT_IMPLEMENTED;
            }).map(KitAgainstReferenceServerMetaTest::describe).toList();
            assertThat(wrong).as("cases with the wrong status when no handles can be opened").isEmpty();
            assertThat(report.cases()).filteredOn(result -> result.status() == Status.COULD_NOT_TEST)
                    .allSatisfy(result -> assertThat(result.message()).isNotBlank());
        }
    }

    /** A kit configuration aimed at a server the test started, over HTTP like any other target. */
    static KitConfig configFor(ReferenceServer server) {
        return KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(), "account", server.account(),
                "key", server.key()), new Properties(), Map.of(), null);
    }

    static void assertEveryEntryReported(RunReport report) {
        Set<String> reported = report.cases().stream().map(CaseResult::id).collect(Collectors.toSet());
        assertThat(reported).containsExactlyInAnyOrderElementsOf(
                Catalogue.fromClasspath().entries().stream().map(CatalogueEntry::id).toList());
    }

    static String describe(CaseResult result) {
        return result.status() + " " + result.displayName() + ": " + result.message();
    }
}
