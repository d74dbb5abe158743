package io.handlestck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "compare", mixinStandardHelpOptions = true, description = "(being built)")
final class CompareCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'compare' is being built");
    }
}
