package io.handlestck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "clean", mixinStandardHelpOptions = true, description = "(being built)")
final class CleanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'clean' is being built");
    }
}
