package io.handlestck.cli;

import io.handlestck.server.ReferenceServer;
import io.handlestck.server.defects.Defect;
import io.handlestck.sharedkey.SharedKey;
import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve}: runs the reference server in the foreground until killed. Every option can also
 * come from the environment ({@code HANDLESTCK_*}), which is how the container image is configured.
 * Prints two lines, the endpoint and a connection string, so scripts can read them.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the reference server (Azure Files handle operations, in memory) until killed.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "${env:HANDLESTCK_SERVER_HOST:-127.0.0.1}",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; env HANDLESTCK_SERVER_HOST).")
    private String host;

    @Option(names = "--port", defaultValue = "${env:HANDLESTCK_SERVER_PORT:-" + ReferenceServer.DEFAULT_PORT + "}",
            description = "Port, 0 for a free one (default: ${DEFAULT-VALUE}; env HANDLESTCK_SERVER_PORT).")
    private int port;

    @Option(names = "--account", defaultValue = "${env:HANDLESTCK_SERVER_ACCOUNT:-" + ReferenceServer.DEV_ACCOUNT + "}",
            description = "Storage account name (default: ${DEFAULT-VALUE}; env HANDLESTCK_SERVER_ACCOUNT).")
    private String account;

    @Option(names = "--key", defaultValue = "${env:HANDLESTCK_SERVER_KEY:-" + ReferenceServer.DEV_KEY + "}",
            description = "Base64 account key (default: the well-known emulator key; env HANDLESTCK_SERVER_KEY).")
    private String key;

    @Option(names = "--force-close-page-size", defaultValue = "${env:HANDLESTCK_SERVER_FORCE_CLOSE_PAGE_SIZE:-"
            + ReferenceServer.DEFAULT_FORCE_CLOSE_PAGE_SIZE + "}",
            description = "Most handles one Force Close Handles call closes before it returns x-ms-marker "
                    + "(default: ${DEFAULT-VALUE}; env HANDLESTCK_SERVER_FORCE_CLOSE_PAGE_SIZE).")
    private int forceClosePageSize;

    @Option(names = "--defect", paramLabel = "NAME",
            description = "Misbehave in this named way (repeatable; see 'defects'; env HANDLESTCK_SERVER_DEFECTS, comma-separated).")
    private List<String> defects = new ArrayList<>();

    @Option(names = "--smb-port", paramLabel = "PORT", defaultValue = "${env:HANDLESTCK_SERVER_SMB_PORT}",
            description = "Also serve SMB 2.x on this port, 0 for a free one (default: no SMB; env HANDLESTCK_SERVER_SMB_PORT).")
    private Integer smbPort;

    @Option(names = "--no-fixtures",
            description = "Turn off the Handle Fixture Protocol under $fixtures (env HANDLESTCK_SERVER_FIXTURES=false).")
    private boolean noFixtures;

    @Override
    public Integer call() throws InterruptedException {
        ReferenceServer server;
        try {
            server = ReferenceServer.builder()
                    .host(host)
                    .port(port)
                    .account(checkedAccount())
                    .key(checkedKey())
                    .forceClosePageSize(forceClosePageSize)
                    .defects(parseDefects())
                    .fixtures(fixturesEnabled())
                    .smbPort(smbPort == null ? -1 : smbPort)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            server.start();
        } catch (BindException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("the server did not start: " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "handlestck-server-stop"));
        spec.commandLine().getOut().println(server.endpoint());
        spec.commandLine().getOut().println(server.connectionString());
        if (server.smbPort() >= 0) {
            printSmb(server);
        }
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await(); // serve until the process is killed
        return 0;
    }

    /** After the two lines scripts read: the SMB endpoint and commands to paste (SHARE is any share made over REST). */
    private void printSmb(ReferenceServer server) {
        String smbHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        int port = server.smbPort();
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println("SMB 2.x on " + smbHost + ":" + port + " (user AZURE\\" + server.account() + ", password: the account key)");
        out.println("  smbclient //" + smbHost + "/SHARE -p " + port + " -m SMB2 --option='client signing=required'"
                + " -U 'AZURE\\" + server.account() + "%" + server.key() + "'");
        out.println("  java -jar handles-tck.jar run --endpoint " + server.endpoint() + " --provisioner smb --smb-host " + smbHost
                + " --smb-port " + port);
    }

    private String checkedAccount() {
        if (!account.matches("[a-z0-9]{3,24}")) {
            throw new UsageException("--account must be 3 to 24 lowercase letters and digits, not '" + account + "'");
        }
        return account;
    }

    private String checkedKey() {
        if (!SharedKey.isValidKey(key)) {
            throw new UsageException("--key is not a base64 account key");
        }
        return key;
    }

    private Set<Defect> parseDefects() {
        List<String> names = new ArrayList<>(defects);
        String fromEnvironment = System.getenv("HANDLESTCK_SERVER_DEFECTS");
        if (names.isEmpty() && fromEnvironment != null) {
            for (String name : fromEnvironment.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        Set<Defect> parsed = EnumSet.noneOf(Defect.class);
        for (String name : names) {
            try {
                parsed.add(Defect.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown defect '" + name + "' (see 'handles-tck defects')");
            }
        }
        return parsed;
    }

    private boolean fixturesEnabled() {
        if (noFixtures) {
            return false;
        }
        String fromEnvironment = System.getenv("HANDLESTCK_SERVER_FIXTURES");
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            return true;
        }
        return switch (fromEnvironment.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new UsageException("HANDLESTCK_SERVER_FIXTURES must be true or false, not '" + fromEnvironment + "'");
        };
    }
}
