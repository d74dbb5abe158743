package io.handlestck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "defects", mixinStandardHelpOptions = true, description = "(being built)")
final class DefectsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'defects' is being built");
    }
}
