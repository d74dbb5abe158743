package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.catalogue.CatalogueException;
import io.handlestck.kit.catalogue.ConformanceClass;
import io.handlestck.kit.run.CaseMethods;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The catalogue and the code match one to one: every entry has exactly one {@code @CaseId} method in
 * its conformance class, every such method has an entry, and every entry is complete enough to be
 * cited in a report.
 */
class CatalogueConsistencyTest {

    private static final Pattern ID = Pattern.compile("(FCH|LH|PRO|HS|NM|AR|BT|CV|SU)-\\d{3}");

    private final Catalogue catalogue = Catalogue.fromClasspath();
    private final CaseMethods methods = CaseMethods.of(catalogue);

    @Test
    void everyCatalogueClassHasItsCaseClass() {
        assertThat(catalogue.classes()).isNotEmpty();
        assertThat(methods.missingClasses()).as("case classes named by suites/*.yaml but absent or not @HandlesTckCases")
                .isEmpty();
    }

    @Test
    void everyEntryHasExactlyOneMethodInItsOwnClass() {
        for (CatalogueEntry entry : catalogue.entries()) {
            List<Method> implementations = methods.byId().getOrDefault(entry.id(), List.of());
            assertThat(implementations).as("methods carrying @CaseId(\"%s\")", entry.id()).hasSize(1);
            assertThat(implementations.get(0).getDeclaringClass().getName()).as("class of %s", entry.id())
                    .isIn(catalogue.conformanceClass(entry.conformanceClass()).orElseThrow().caseClasses());
        }
    }

    @Test
    void anUnknownCapabilityFailsAtLoadNamingTheFileAndTheEntry() {
        String yaml = "class: probe\ntitle: t\ncases:\n  - {id: PRO-999, title: t, level: required,"
                + " capabilities: [handles, pagingg]}\n";
        assertThatThrownBy(() -> Catalogue.parse("probe", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("suites/probe.yaml entry PRO-999 names unknown capability 'pagingg'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownAnswerSetFailsAtLoadNamingTheFileAndTheEntry() {
        String yaml = "class: probe\ntitle: t\ncases:\n  - {id: PRO-998, title: t, level: required,"
                + " allowed: {errorCodes: {values: [X], source: s}}}\n";
        assertThatThrownBy(() -> Catalogue.parse("probe", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("suites/probe.yaml entry PRO-998 names unknown answer set 'errorCodes'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void everyCaseMethodHasAnEntry() {
        List<String> orphans = methods.byId().keySet().stream().filter(id -> catalogue.entry(id).isEmpty()).toList();
        assertThat(orphans).as("@CaseId values without a catalogue entry").isEmpty();
    }

    @Test
    void everyCaseMethodIsAParameterizedTestOrTestTakingTheCaseContextLast() {
        for (Map.Entry<String, List<Method>> implementation : methods.byId().entrySet()) {
            for (Method method : implementation.getValue()) {
                boolean variantAware = method.isAnnotationPresent(ParameterizedTest.class)
                        || method.isAnnotationPresent(Test.class);
                assertThat(variantAware).as("%s is not a JUnit test method", method).isTrue();
                Parameter[] parameters = method.getParameters();
                assertThat(parameters).as("%s takes no CaseContext", method).isNotEmpty();
                assertThat(parameters[parameters.length - 1].getType()).as("last parameter of %s", method)
                        .isEqualTo(CaseContext.class);
            }
        }
    }

    @Test
    void everyEntryIsCompleteAndCitesItsSources() {
        for (ConformanceClass conformanceClass : catalogue.classes()) {
            assertThat(conformanceClass.title()).as("title of suites/%s.yaml", conformanceClass.name()).isNotBlank();
            for (CatalogueEntry entry : conformanceClass.cases()) {
                assertThat(entry.id()).as("id format").matches(ID);
                assertThat(entry.title()).as("title of %s", entry.id()).isNotBlank();
                assertThat(entry.sources()).as("sources of %s", entry.id()).isNotEmpty()
                        .allSatisfy(source -> {
                            assertThat(source.kind()).isIn("spec", "swagger", "recording", "doc");
                            assertThat(source.ref()).isNotBlank();
                        });
                entry.allowed().forEach((name, answers) -> {
                    assertThat(answers.values()).as("allowed %s of %s", name, entry.id()).isNotEmpty();
                    assertThat(answers.source()).as("source of allowed %s of %s", name, entry.id()).isNotBlank();
                });
            }
        }
    }
}
