package io.handlestck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "cases", mixinStandardHelpOptions = true, description = "(being built)")
final class CasesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'cases' is being built");
    }
}
