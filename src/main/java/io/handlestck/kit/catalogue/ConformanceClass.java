package io.handlestck.kit.catalogue;

import java.util.List;

/**
 * One catalogue file: a conformance class such as {@code force-close-handles}, and its entries.
 *
 * @param name        the file name without {@code .yaml}; also the YAML's {@code class} field
 * @param caseClasses the Java classes that implement its cases, split by concern: the YAML's
 *                    {@code implementedBy} (simple names in {@value Catalogue#CASES_PACKAGE}), or by
 *                    convention the one class named after the file ({@code force-close-handles} →
 *                    {@code io.handlestck.kit.cases.ForceCloseHandlesCases})
 */
public record ConformanceClass(String name, String title, String description, List<CatalogueEntry> cases,
                               List<String> caseClasses) {

    public ConformanceClass {
        caseClasses = List.copyOf(caseClasses);
    }

    /** The catalogue file this class is read from, as reports and error messages name it. */
    public String file() {
        return "suites/" + name + ".yaml";
    }
}
