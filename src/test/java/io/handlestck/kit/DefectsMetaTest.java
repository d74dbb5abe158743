package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.result.CaseResult;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.run.KitRunner;
import io.handlestck.kit.run.RunListener;
import io.handlestck.server.ReferenceServer;
import io.handlestck.server.defects.Defect;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit against deliberately broken servers: for every defect the reference server can switch on,
 * a whole run of the kit must report FAIL or WARN on the cases aimed at it ({@link DefectCatchers}),
 * and no case may break instead of judging (ERROR). Other cases that also catch the defect are
 * printed, not required: that a broken listing breaks every case that lists proves nothing. The kit
 * has the server's own bearer token, so the bearer cases judge too. Defects the table has only an
 * {@code @smb} line for are seen only by a real SMB client, never through the fixtures used here:
 * {@link KitWithSmbClientMetaTest} judges them, and the {@code @smb} lines of the others.
 */
class DefectsMetaTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("defectsToJudge")
    void theCasesAimedAtTheDefectCatchIt(Defect defect) throws Exception {
        List<String> aimed = DefectCatchers.aimedAt(defect);
        assertThat(aimed).as("no case is aimed at %s in DefectCatchers", defect).isNotEmpty();
        assertThat(aimed).as("%s is aimed at case ids that are not in the catalogue", defect)
                .allMatch(id -> Catalogue.fromClasspath().entry(id).isPresent());

        try (ReferenceServer server = ReferenceServer.builder().defect(defect)
                .forceClosePageSize(KitSession.EMBEDDED_FORCE_CLOSE_PAGE_SIZE).build().start()) {
            RunReport report = KitRunner.run(configWithBearerToken(server), RunListener.SILENT);

            assertThat(report.error()).isNull();
            KitAgainstReferenceServerMetaTest.assertEveryEntryReported(report);
            assertThat(report.cases()).as("cases that broke instead of judging with %s on", defect)
                    .filteredOn(result -> result.status() == Status.ERROR)
                    .extracting(KitAgainstReferenceServerMetaTest::describe).isEmpty();
            Set<String> caught = report.cases().stream().filter(DefectsMetaTest::caught).map(CaseResult::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(caught).as("cases aimed at %s that report FAIL or WARN; what did fail:%n%s", defect,
                    report.cases().stream().filter(DefectsMetaTest::caught)
                            .map(KitAgainstReferenceServerMetaTest::describe).collect(Collectors.joining("\n")))
                    .containsAll(aimed);
            Set<String> alsoCaught = new TreeSet<>(caught);
            aimed.forEach(alsoCaught::remove);
            if (!alsoCaught.isEmpty()) {
                System.out.println(defect + " is also caught by " + String.join(", ", alsoCaught));
            }
        }
    }

    /**
     * Every defect seen through the fixtures; {@code -Dhandlestck.defects=NAME,NAME} judges only those
     * (while working on one defect: a whole round costs minutes).
     */
    static Stream<Defect> defectsToJudge() {
        String only = System.getProperty("handlestck.defects", "").strip();
        if (only.isEmpty()) {
            return DefectCatchers.seenWithFixtures();
        }
        Set<Defect> chosen = Arrays.stream(only.split(",")).map(Defect::named).collect(Collectors.toSet());
        return DefectCatchers.seenWithFixtures().filter(chosen::contains);
    }

    @Test
    void everyCaseIsAimedAtByADefect() {
        Set<String> aimed = DefectCatchers.allAimed();
        Set<String> unaimed = Catalogue.fromClasspath().entries().stream().map(CatalogueEntry::id)
                .filter(id -> !aimed.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(unaimed).as("catalogue cases no defect is aimed at").isEmpty();
    }

    /** The kit aimed at the server, with the server's own bearer token so that the bearer cases judge too. */
    private static KitConfig configWithBearerToken(ReferenceServer server) {
        return KitConfig.resolve(Map.of("endpoint", server.endpoint().toString(), "account", server.account(),
                "key", server.key(), "bearerToken", server.bearerIssuer().token()), new Properties(), Map.of(), null);
    }

    private static boolean caught(CaseResult result) {
        return result.status() == Status.FAIL || result.status() == Status.WARN;
    }
}
