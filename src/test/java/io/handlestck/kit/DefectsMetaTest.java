package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.run.KitRunner;
import io.handlestck.kit.run.RunListener;
import io.handlestck.server.ReferenceServer;
import io.handlestck.server.defects.Defect;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit against deliberately broken servers: for every defect the reference server can switch on,
 * a whole run of the kit must report FAIL or WARN on exactly the cases the defect declares, and on no
 * other. A defect nobody catches, or a catch nobody declared, fails here; so does a kit that merely
 * crashes (ERROR) instead of judging.
 */
class DefectsMetaTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Defect.class)
    void exactlyTheDeclaredCasesCatchTheDefect(Defect defect) throws Exception {
        assertThat(defect.caughtBy()).as("%s declares no case that catches it", defect).isNotEmpty();
        assertThat(defect.caughtBy()).as("%s names case ids that are not in the catalogue", defect)
                .allMatch(id -> Catalogue.fromClasspath().entry(id).isPresent());

        try (ReferenceServer server = ReferenceServer.builder().defect(defect).build().start()) {
            RunReport report = KitRunner.run(KitAgainstReferenceServerMetaTest.configFor(server), RunListener.SILENT);

            assertThat(report.error()).isNull();
            KitAgainstReferenceServerMetaTest.assertEveryEntryReported(report);
            Set<String> caught = report.cases().stream()
                    .filter(result -> result.status() == Status.FAIL || result.status() == Status.WARN)
                    .map(CaseResult::id).collect(Collectors.toCollection(TreeSet::new));
            assertThat(caught).as("case ids reporting FAIL or WARN with %s on; failures:%n%s", defect,
                    report.cases().stream().filter(r -> r.status() == Status.FAIL || r.status() == Status.WARN)
                            .map(KitAgainstReferenceServerMetaTest::describe).collect(Collectors.joining("\n")))
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(defect.caughtBy()));
            assertThat(report.cases()).as("cases that broke instead of judging with %s on", defect)
                    .filteredOn(result -> result.status() == Status.ERROR)
                    .extracting(KitAgainstReferenceServerMetaTest::describe).isEmpty();
        }
    }
}
