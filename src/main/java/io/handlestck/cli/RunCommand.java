package io.handlestck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "(being built)")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'run' is being built");
    }
}
