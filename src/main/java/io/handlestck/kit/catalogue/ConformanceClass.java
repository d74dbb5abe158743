package io.handlestck.kit.catalogue;

import java.util.List;

/**
 * One catalogue file: a conformance class such as {@code force-close-handles}, and its entries.
 *
 * @param name    the file name without {@code .yaml}; also the YAML's {@code class} field
 * @param caseClass the Java class that implements its cases, derived from the name by convention
 *                  ({@code force-close-handles} → {@code io.handlestck.kit.cases.ForceCloseHandlesCases})
 */
public record ConformanceClass(String name, String title, String description, List<CatalogueEntry> cases,
                               String caseClass) {
}
