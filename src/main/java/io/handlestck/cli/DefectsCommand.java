package io.handlestck.cli;

import io.handlestck.server.defects.Defect;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the reference server's defect switches, one per line, for {@code serve --defect NAME}. */
@Command(name = "defects", mixinStandardHelpOptions = true,
        description = "List the reference server's defects (serve --defect NAME): NAME<TAB>what it breaks.")
final class DefectsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Defect defect : Defect.values()) {
            spec.commandLine().getOut().println(defect.name() + "\t" + defect.description());
        }
        return 0;
    }
}
