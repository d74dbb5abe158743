package io.handlestck.cli;

import io.handlestck.container.ContainerUnavailableException;
import io.handlestck.kit.config.KitConfigException;
import io.handlestck.kit.client.TargetClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code handles-tck} command line: the kit, the reference server and the reports in one jar. */
@Command(name = "handles-tck",
        mixinStandardHelpOptions = true,
        versionProvider = KitVersionProvider.class,
        description = "Conformance test kit and reference server for Azure Files Force Close Handles and List Handles.",
        subcommands = {RunCommand.class, ServeCommand.class, CasesCommand.class, DefectsCommand.class,
                CompareCommand.class, CleanCommand.class})
public final class HandlesTck {

    /** Exit code for bad usage or configuration: one line on stderr, no stack trace. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        TargetClient.releaseBeforeExit();
        System.exit(exit);
    }

    /** The configured command line, shared by {@link #main} and the CLI tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new HandlesTck());
        commandLine.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(oneLine(ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')"));
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            // Bad usage, bad configuration, or a container target that cannot start: the message says
            // what to change, a stack trace would only hide it.
            if (ex instanceof UsageException || ex instanceof KitConfigException
                    || ex instanceof ContainerUnavailableException) {
                cl.getErr().println(oneLine(ex.getMessage()));
                return EXIT_USAGE;
            }
            throw ex;
        });
        return commandLine;
    }

    /** The promise is one line: a message that spans several is flattened rather than cut. */
    private static String oneLine(String message) {
        return "handles-tck: " + String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
