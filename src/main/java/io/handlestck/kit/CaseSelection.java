package io.handlestck.kit;

import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.config.KitConfig;

/**
 * Which catalogue entries a configuration runs ({@code cases}, {@code classes}, {@code levels}): decided
 * here only, for the runner's launcher request and for a user's {@code @Suite} alike. {@code disabled}
 * is not a selection: a disabled case is reported as DISABLED.
 */
public final class CaseSelection {

    private CaseSelection() {
    }

    public static boolean selected(KitConfig config, CatalogueEntry entry) {
        return (config.cases().isEmpty() || config.cases().contains(entry.id()))
                && (config.classes().isEmpty() || config.classes().contains(entry.conformanceClass()))
                && (config.levels().isEmpty() || config.levels().contains(entry.level()));
    }
}
