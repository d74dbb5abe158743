package io.handlestck.kit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The progress counter's plan against what a run really produces, and a run over several x-ms-versions. */
class ProgressAndVersionsTest {

    @Test
    void everyCaseMethodOfTheCatalogueDeclaresHowManyVariantsItHas() {
        Catalogue catalogue = Catalogue.fromClasspath();
        CaseMethods methods = CaseMethods.of(catalogue);
        for (CatalogueEntry entry : catalogue.entries()) {
            assertThat(methods.method(entry.id()).map(VariantCount::of).orElseThrow())
                    .as(entry.id() + ": its variants must be countable before it runs").isPresent();
        }
        assertThat(KitRunner.plannedResults(List.copyOf(catalogue.entries()), methods)).isGreaterThan(catalogue.entries().size());
    }

    @Test
    void resultsAreCountedInTheOrderTheyFinishOverThePlannedResults() {
        // Enum constants, enum names, values, factory methods: every kind of source the cases use.
        Recorder recorder = new Recorder();
        RunReport report = KitRunner.run(config("FCH-001,LH-015,LH-016,LH-018,PRO-008"), recorder);

        assertThat(recorder.plannedResults).isEqualTo(report.cases().size()).isGreaterThan(5);
        assertThat(recorder.indexes).containsExactlyElementsOf(IntStream.rangeClosed(1, report.cases().size()).boxed().toList());
        assertThat(recorder.totals).containsOnly(report.cases().size());
        assertThat(report.preflight().ok()).as(report.preflight().finding()).isTrue();
        assertThat(report.cases()).allSatisfy(result -> assertThat(result.xMsVersion()).isEqualTo(KitConfig.DEFAULT_VERSION));
    }

    @Test
    void aRunOverSeveralVersionsReportsEachResultAtItsVersion() {
        Recorder recorder = new Recorder();
        List<String> versions = List.of("2019-02-02", "2024-05-04");
        RunReport report = VersionMatrix.run(config("LH-012,FCH-001"), versions, recorder, version -> new org.junit.platform.launcher.TestExecutionListener[0]);

        assertThat(report.xMsVersion()).isEqualTo("2019-02-02,2024-05-04");
        assertThat(report.cases()).extracting(CaseResult::xMsVersion).containsOnly("2019-02-02", "2024-05-04");
        // AccessRightList exists from 2023-01-03: outside its range at 2019-02-02, checked at 2024-05-04.
        assertThat(report.cases()).filteredOn(result -> result.id().equals("LH-012") && result.xMsVersion().equals("2019-02-02"))
                .isNotEmpty().extracting(CaseResult::status).containsOnly(Status.NOT_APPLICABLE);
        assertThat(report.cases()).filteredOn(result -> result.id().equals("LH-012") && result.xMsVersion().equals("2024-05-04"))
                .isNotEmpty().extracting(CaseResult::status).containsOnly(Status.PASS);
        assertThat(report.cases()).filteredOn(result -> result.id().equals("FCH-001"))
                .hasSize(6).extracting(CaseResult::status).containsOnly(Status.PASS);
        assertThat(recorder.indexes).containsExactlyElementsOf(IntStream.rangeClosed(1, report.cases().size()).boxed().toList());
        assertThat(recorder.plannedResults).isEqualTo(report.cases().size());
        assertThat(report.summary().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(report.cases().size());
    }

    @Test
    void allMeansEveryVersionFromTheFirstWithHandlesToTheNewestTheKitKnows() {
        assertThat(VersionMatrix.versions("all")).startsWith("2018-11-09").endsWith(KitConfig.DEFAULT_VERSION)
                .isSorted().doesNotHaveDuplicates();
        assertThat(VersionMatrix.versions("2024-05-04, 2019-02-02")).containsExactly("2019-02-02", "2024-05-04");
        assertThat(VersionMatrix.isMatrix("2024-05-04")).isFalse();
        assertThatThrownBy(() -> VersionMatrix.versions("2019-02-02,2017-11-09")).isInstanceOf(KitConfigException.class)
                .hasMessageContaining("'2017-11-09' is not a version the kit knows");
    }

    private static KitConfig config(String cases) {
        return KitConfig.resolve(Map.of("cases", cases), new Properties(), Map.of(), null);
    }

    private static final class Recorder implements RunListener {
        int plannedResults;
        final List<Integer> indexes = new ArrayList<>();
        final List<Integer> totals = new ArrayList<>();

        @Override
        public void planned(int entries, int results) {
            plannedResults = results;
        }

        @Override
        public synchronized void caseFinished(int index, int total, CaseResult result) {
            indexes.add(index);
            totals.add(total);
        }
    }
}
