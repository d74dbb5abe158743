package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import io.handlestck.kit.preflight.Preflight;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.run.KitRunner;
import io.handlestck.kit.run.RunListener;
import io.handlestck.server.ReferenceServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a run guarantees whatever happens: a selection that is not empty, a report, progress per case. */
class KitRunnerTest {

    @Test
    void selectingNoCaseIsAConfigurationErrorNotAGreenRun() {
        String someClass = Catalogue.fromClasspath().classes().get(0).name();
        CatalogueEntry other = Catalogue.fromClasspath().entries().stream()
                .filter(entry -> !entry.conformanceClass().equals(someClass)).findFirst().orElseThrow();
        KitConfig config = KitConfig.resolve(Map.of("cases", other.id(), "classes", someClass), new Properties(),
                Map.of(), null);

        assertThatThrownBy(() -> KitRunner.run(config, RunListener.SILENT))
                .isInstanceOf(KitConfigException.class).hasMessageContaining("matches no case");
    }

    @Test
    void unknownCaseIdsAndClassesAreConfigurationErrors() {
        assertThatThrownBy(() -> KitRunner.run(config("cases", "FCH-999"), RunListener.SILENT))
                .isInstanceOf(KitConfigException.class).hasMessageContaining("unknown case id 'FCH-999'");
        assertThatThrownBy(() -> KitRunner.run(config("classes", "nonsense"), RunListener.SILENT))
                .isInstanceOf(KitConfigException.class).hasMessageContaining("unknown conformance class 'nonsense'");
    }

    @Test
    void anUnreachableTargetStillGivesAReportWithEverySelectedCaseInError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<String> classes = List.of(Catalogue.fromClasspath().classes().get(0).name());
        KitConfig config = KitConfig.resolve(Map.of("endpoint", "http://127.0.0.1:" + closedPort + "/devstoreaccount1",
                "key", ReferenceServer.DEV_KEY, "classes", classes.get(0)), new Properties(), Map.of(), null);
        List<CaseResult> streamed = new CopyOnWriteArrayList<>();

        RunReport report = KitRunner.run(config, new RunListener() {
            @Override
            public void caseFinished(int index, int total, CaseResult result) {
                streamed.add(result);
            }
        });

        assertThat(report.error()).contains("unreachable").contains(String.valueOf(closedPort));
        long selected = Catalogue.fromClasspath().entries().stream()
                .filter(entry -> entry.conformanceClass().equals(classes.get(0))).count();
        assertThat(report.cases()).hasSize((int) selected)
                .allSatisfy(result -> {
                    assertThat(result.status()).isEqualTo(Status.ERROR);
                    // Every case failed for the reason the preflight states once, so each points to it.
                    assertThat(result.message()).isEqualTo(Preflight.POINTER);
                });
        assertThat(report.preflight().ok()).isFalse();
        assertThat(report.preflight().finding()).isEqualTo("the target cannot be reached: nothing accepts connections"
                + " on 127.0.0.1:" + closedPort + " (connection refused)");
        assertThat(report.summary()).containsEntry(Status.ERROR, (int) selected).containsEntry(Status.PASS, 0);
        assertThat(streamed).hasSize((int) selected);
        assertThat(report.effectiveConfig()).containsEntry("key", "<redacted>");
        assertThat(report.toString()).doesNotContain(ReferenceServer.DEV_KEY);
    }

    @Test
    void aRunOfOneCaseReportsItsVariantsInOrderWithProgressAndTraces() {
        CatalogueEntry entry = Catalogue.fromClasspath().entries().stream()
                .filter(e -> e.capabilities().isEmpty()).findFirst().orElseThrow();
        AtomicInteger planned = new AtomicInteger();
        List<Integer> indexes = new CopyOnWriteArrayList<>();

        RunReport report = KitRunner.run(config("cases", entry.id()), new RunListener() {
            @Override
            public void planned(int entries) {
                planned.set(entries);
            }

            @Override
            public void caseFinished(int index, int total, CaseResult result) {
                indexes.add(index);
                assertThat(total).isGreaterThanOrEqualTo(index);
            }
        });

        assertThat(planned.get()).isEqualTo(1);
        assertThat(report.error()).isNull();
        assertThat(report.cases()).isNotEmpty().allSatisfy(result -> {
            assertThat(result.id()).isEqualTo(entry.id());
            assertThat(result.displayName()).startsWith(entry.id() + " " + entry.title() + " @ http://127.0.0.1:");
            assertThat(result.exchanges()).isNotEmpty();
        });
        assertThat(indexes).hasSize(report.cases().size());
        assertThat(report.runId()).startsWith("htck-");
        assertThat(report.summary().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(report.cases().size());
    }

    @Test
    void aDisabledCaseIsReportedAsDisabledWithoutRunning() {
        CatalogueEntry entry = Catalogue.fromClasspath().entries().iterator().next();
        RunReport report = KitRunner.run(config("cases", entry.id(), "disabled", entry.id()), RunListener.SILENT);
        assertThat(report.cases()).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(Status.DISABLED);
            assertThat(result.message()).contains("disabled by configuration");
            assertThat(result.exchanges()).isEmpty();
        });
    }

    private static KitConfig config(String... namesAndValues) {
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            flags.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return KitConfig.resolve(flags, new Properties(), Map.of(), null);
    }
}
