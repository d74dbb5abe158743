package io.handlestck.cli;

import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The target flags {@code run} and {@code clean} share. They become the command-line layer of
 * {@link KitConfig#resolve}, so they win over system properties, the environment and the YAML file.
 */
final class TargetOptions {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "File service endpoint, path-style (http://127.0.0.1:10004/devstoreaccount1) or host-style (https://ACCOUNT.file.core.windows.net).")
    String endpoint;

    @Option(names = "--account", paramLabel = "NAME", description = "Storage account name.")
    String account;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Account key (base64). Prefer HANDLESTCK_KEY in the environment: a flag is visible to other users of the machine.")
    String key;

    @Option(names = "--connection-string", paramLabel = "STRING",
            description = "Azure Storage connection string with FileEndpoint=, instead of endpoint, account and key.")
    String connectionString;

    @Option(names = "--bearer-token", paramLabel = "TOKEN",
            description = "Microsoft Entra ID access token for the bearer cases. Prefer HANDLESTCK_BEARER_TOKEN or --bearer-token-command.")
    String bearerToken;

    @Option(names = "--bearer-token-command", paramLabel = "COMMAND",
            description = "Shell command that prints a bearer token, e.g. 'az account get-access-token --resource https://storage.azure.com --query accessToken -o tsv'.")
    String bearerTokenCommand;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (lowest precedence).")
    Path configFile;

    @Option(names = "--run-prefix", paramLabel = "PREFIX",
            description = "Prefix of every share a run creates (default: htck).")
    String runPrefix;

    /** The flags that were given, by their {@link KitConfig#KEYS} name. */
    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        putIfGiven(flags, "endpoint", endpoint);
        putIfGiven(flags, "account", account);
        putIfGiven(flags, "key", key);
        putIfGiven(flags, "connectionString", connectionString);
        putIfGiven(flags, "runPrefix", runPrefix);
        putIfGiven(flags, "bearerToken", bearerToken);
        putIfGiven(flags, "bearerTokenCommand", bearerTokenCommand);
        return flags;
    }

    boolean namesATarget() {
        return endpoint != null || connectionString != null;
    }

    /**
     * Resolves the configuration over all layers.
     *
     * @throws KitConfigException with the configuration's own one-line reason (exit code 2)
     */
    KitConfig resolve(Map<String, String> moreFlags) {
        Map<String, String> flags = flags();
        flags.putAll(moreFlags);
        return KitConfig.resolve(flags, System.getProperties(), System.getenv(), configFile);
    }

    static void putIfGiven(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
