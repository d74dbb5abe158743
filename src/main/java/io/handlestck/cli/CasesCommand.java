package io.handlestck.cli;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.catalogue.ConformanceClass;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the case catalogue: the ids {@code run --case} and {@code --disable} accept. */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "List the kit's cases, one per line: ID<TAB>LEVEL<TAB>TITLE, in catalogue order.")
final class CasesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--class", paramLabel = "NAME", description = "Only this conformance class (e.g. force-close-handles).")
    String conformanceClass;

    @Override
    public Integer call() {
        Catalogue catalogue = Catalogue.fromClasspath();
        if (conformanceClass != null && catalogue.conformanceClass(conformanceClass).isEmpty()) {
            throw new UsageException("unknown conformance class '" + conformanceClass + "'; known: "
                    + String.join(", ", catalogue.classes().stream().map(ConformanceClass::name).toList()));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ConformanceClass listed : catalogue.classes()) {
            if (conformanceClass != null && !conformanceClass.equals(listed.name())) {
                continue;
            }
            for (CatalogueEntry entry : listed.cases()) {
                out.println(entry.id() + "\t" + entry.level().name().toLowerCase(Locale.ROOT) + "\t" + entry.title());
            }
        }
        return 0;
    }
}
