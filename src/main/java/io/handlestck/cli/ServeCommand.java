package io.handlestck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "(being built)")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'serve' is being built");
    }
}
