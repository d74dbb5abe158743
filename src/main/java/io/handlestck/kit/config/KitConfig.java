package io.handlestck.kit.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.handlestck.kit.provision.smb.SmbSettings;
import io.handlestck.kit.result.Level;
import io.handlestck.sharedkey.SharedKey;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kit's resolved configuration: which target, which cases, how handles are opened. Built only
 * by {@link #resolve}, which merges four layers with the precedence CLI flags &gt; system properties
 * ({@code handlestck.*}) &gt; environment ({@code HANDLESTCK_*}) &gt; YAML file, and rejects a bad
 * value with one sentence that names the setting and where it came from.
 *
 * @param endpoint    the File service endpoint, path-style ({@code http://host:port/account}) or
 *                    host-style ({@code https://account.file.core.windows.net}); null means the embedded
 *                    reference server
 * @param provisioner {@code auto}, {@code fixture}, {@code smb}, {@code none}, or a vendor's name
 * @param version     the x-ms-version under test, pinned on every request
 * @param cases       case ids to run; empty means all
 * @param classes     conformance classes to run ({@code force-close-handles}...); empty means all
 * @param levels      levels to run; empty means all
 * @param disabled    case ids reported as DISABLED instead of run
 * @param runPrefix   leads every share name the run creates, so that leftovers can be found and removed
 * @param smb         the {@code smb*} settings as given, by name; {@link SmbSettings#of} resolves their defaults
 * @param origins     setting name to where its value came from, for messages and the report
 * @param bearerToken an access token for the bearer cases ({@code bearerToken}, or what
 *                    {@code bearerTokenCommand} printed), or null
 */
public record KitConfig(URI endpoint, String account, String key, String provisioner, String version,
                        Set<String> cases, Set<String> classes, Set<Level> levels, Set<String> disabled,
                        boolean parallel, String runPrefix, String product, Map<String, String> smb,
                        Path configFile, Map<String, String> origins, String bearerToken) {

    /** The x-ms-version the kit pins when none is configured: the newest one the kit's cases know. */
    public static final String DEFAULT_VERSION = "2025-05-05";
    public static final String DEFAULT_PROVISIONER = "auto";
    public static final String DEFAULT_RUN_PREFIX = "htck";
    public static final String SYSTEM_PROPERTY_PREFIX = "handlestck.";
    public static final String ENVIRONMENT_PREFIX = "HANDLESTCK_";

    /** The settings, by their CLI/YAML name. System properties prefix them, environment variables shout them. */
    public static final List<String> KEYS = Stream.concat(Stream.of("endpoint", "account", "key", "connectionString",
            "provisioner", "version", "cases", "classes", "levels", "disabled", "parallel", "runPrefix", "product",
            "bearerToken", "bearerTokenCommand"), SmbSettings.KEYS.stream()).toList();

    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RUN_PREFIX = Pattern.compile("[a-z0-9](?:-?[a-z0-9])*");
    private static final Pattern PROVISIONER = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()).build();

    public KitConfig {
        cases = Set.copyOf(cases);
        classes = Set.copyOf(classes);
        levels = Set.copyOf(levels);
        disabled = Set.copyOf(disabled);
        smb = Map.copyOf(smb);
        origins = Map.copyOf(origins);
    }

    /** Everything at its default: the embedded reference server, every case, handles by auto-detection. */
    public static KitConfig defaults() {
        return resolve(Map.of(), new Properties(), Map.of(), null);
    }

    /**
     * Merges the four layers. {@code cliFlags} uses the names of {@link #KEYS}; list values are
     * comma-separated. A connection string is expanded into endpoint, account and key inside its own
     * layer, so an endpoint given at a higher layer still wins over it.
     *
     * @throws KitConfigException with one clear sentence when a value is unusable
     */
    public static KitConfig resolve(Map<String, String> cliFlags, Properties systemProperties,
                                    Map<String, String> environment, Path yamlFileOrNull) {
        Map<String, Setting> merged = new LinkedHashMap<>();
        if (yamlFileOrNull != null) {
            overlay(merged, readYaml(yamlFileOrNull), "config file " + yamlFileOrNull);
        }
        Map<String, String> fromEnvironment = new LinkedHashMap<>();
        Map<String, String> fromSystem = new LinkedHashMap<>();
        for (String key : KEYS) {
            String environmentValue = environment.get(environmentName(key));
            if (environmentValue != null) {
                fromEnvironment.put(key, environmentValue);
            }
            String systemValue = systemProperties.getProperty(SYSTEM_PROPERTY_PREFIX + key);
            if (systemValue != null) {
                fromSystem.put(key, systemValue);
            }
        }
        overlay(merged, fromEnvironment, "environment");
        overlay(merged, fromSystem, "system property");
        for (String key : cliFlags.keySet()) {
            if (!KEYS.contains(key)) {
                throw new KitConfigException("unknown setting '" + key + "'; known settings: " + String.join(", ", KEYS));
            }
        }
        overlay(merged, cliFlags, "command line");
        return build(merged, yamlFileOrNull);
    }

    /** {@code runPrefix} → {@code HANDLESTCK_RUN_PREFIX}. */
    public static String environmentName(String key) {
        return ENVIRONMENT_PREFIX + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** True when no endpoint is configured and the kit certifies its own embedded reference server. */
    public boolean embedded() {
        return endpoint == null;
    }

    /**
     * The effective configuration for reports: every setting with its origin, and the secrets (the
     * account key, a connection string) replaced by a marker that only says they were given.
     */
    public Map<String, Object> redacted() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", endpoint == null ? "embedded reference server" : endpoint.toString());
        out.put("account", account);
        out.put("key", key == null ? null : "<redacted>");
        out.put("bearerToken", bearerToken == null ? null : "<redacted>");
        out.put("provisioner", provisioner);
        out.put("version", version);
        out.put("cases", List.copyOf(cases));
        out.put("classes", List.copyOf(classes));
        out.put("levels", levels.stream().map(level -> level.name().toLowerCase(Locale.ROOT)).toList());
        out.put("disabled", List.copyOf(disabled));
        out.put("parallel", parallel);
        out.put("runPrefix", runPrefix);
        out.put("product", product);
        out.put("smb", SmbSettings.redacted(smb));
        out.put("configFile", configFile == null ? null : configFile.toString());
        out.put("origins", new LinkedHashMap<>(origins)); // where each value came from; never the value itself
        return out;
    }

    /** The values no report or log may show: the account key, the bearer token, an SMB password given apart from the key. */
    public List<String> secrets() {
        return Stream.of(key, bearerToken, smb.get("smbPassword")).filter(secret -> secret != null && !secret.isEmpty())
                .distinct().toList();
    }

    /** A copy with this bearer token, e.g. one the embedded reference server issued. */
    public KitConfig withBearerToken(String token) {
        return new KitConfig(endpoint, account, key, provisioner, version, cases, classes, levels, disabled,
                parallel, runPrefix, product, smb, configFile, origins, token);
    }

    /** The redacted view: a configuration printed in a log or an exception must not leak the key. */
    @Override
    public String toString() {
        return "KitConfig" + redacted();
    }

    /** A copy that runs only the given case ids; used by tests and by callers that select programmatically. */
    public KitConfig withCases(Collection<String> ids) {
        return new KitConfig(endpoint, account, key, provisioner, version, Set.copyOf(ids), classes, levels, disabled,
                parallel, runPrefix, product, smb, configFile, origins, bearerToken);
    }

    /** A copy aimed at another target, e.g. the embedded server the runner started. */
    public KitConfig withTarget(URI newEndpoint, String newAccount, String newKey) {
        return new KitConfig(newEndpoint, newAccount, newKey, provisioner, version, cases, classes, levels, disabled,
                parallel, runPrefix, product, smb, configFile, origins, bearerToken);
    }

    /** A copy pinned at another x-ms-version: one pass of a run over several versions. */
    public KitConfig withVersion(String newVersion) {
        return new KitConfig(endpoint, account, key, provisioner, newVersion, cases, classes, levels, disabled,
                parallel, runPrefix, product, smb, configFile, origins, bearerToken);
    }

    /** One resolved setting and where it came from. */
    record Setting(String value, String origin) {
    }

    private static void overlay(Map<String, Setting> merged, Map<String, String> layer, String layerName) {
        Map<String, String> expanded = new LinkedHashMap<>(layer);
        String connection = layer.get("connectionString");
        if (connection != null) {
            String origin = originOf("connectionString", layerName);
            ConnectionString parsed = ConnectionString.parse(connection, origin);
            expanded.putIfAbsent("endpoint", parsed.fileEndpoint());
            if (parsed.account() != null) {
                expanded.putIfAbsent("account", parsed.account());
            }
            if (parsed.key() != null) {
                expanded.putIfAbsent("key", parsed.key());
            }
        }
        expanded.forEach((key, value) -> merged.put(key, new Setting(value.trim(), originOf(key, layerName))));
    }

    private static String originOf(String key, String layerName) {
        return switch (layerName) {
            case "environment" -> "environment " + environmentName(key);
            case "system property" -> "system property " + SYSTEM_PROPERTY_PREFIX + key;
            case "command line" -> "command line";
            default -> layerName;
        };
    }

    private static KitConfig build(Map<String, Setting> merged, Path configFile) {
        Map<String, String> origins = new LinkedHashMap<>();
        merged.forEach((key, setting) -> origins.put(key, setting.origin()));

        URI endpoint = merged.containsKey("endpoint") ? endpoint(merged.get("endpoint")) : null;
        String key = value(merged, "key");
        String account = value(merged, "account");
        if (key != null && !SharedKey.isValidKey(key)) {
            throw new KitConfigException("key (" + merged.get("key").origin() + ") is not a base64 account key");
        }
        if (endpoint != null) {
            if (key == null) {
                throw new KitConfigException("no account key for endpoint " + endpoint + ": give --key, "
                        + SYSTEM_PROPERTY_PREFIX + "key, " + environmentName("key") + " or key: in the config file");
            }
            if (account == null) {
                account = accountOf(endpoint);
                origins.put("account", "derived from endpoint");
            }
        }
        String version = value(merged, "version", DEFAULT_VERSION);
        if (!VERSION.matcher(version).matches()) {
            throw new KitConfigException("version (" + origins.get("version") + ") must be an x-ms-version date such as "
                    + DEFAULT_VERSION + ", not '" + version + "'");
        }
        String provisioner = value(merged, "provisioner", DEFAULT_PROVISIONER);
        if (!PROVISIONER.matcher(provisioner).matches()) {
            throw new KitConfigException("provisioner (" + origins.get("provisioner")
                    + ") must be auto, fixture, smb, none or a vendor provisioner's name, not '" + provisioner + "'");
        }
        String parallelText = value(merged, "parallel", "true");
        if (!parallelText.equals("true") && !parallelText.equals("false")) {
            throw new KitConfigException("parallel (" + origins.get("parallel") + ") must be true or false, not '"
                    + parallelText + "'");
        }
        String runPrefix = value(merged, "runPrefix", DEFAULT_RUN_PREFIX);
        if (runPrefix.length() > 20 || !RUN_PREFIX.matcher(runPrefix).matches()) {
            throw new KitConfigException("runPrefix (" + origins.get("runPrefix") + ") must be 1 to 20 lower-case"
                    + " letters, digits or single inner hyphens, because it starts share names; not '" + runPrefix + "'");
        }
        Set<Level> levels = new LinkedHashSet<>();
        for (String level : list(value(merged, "levels"))) {
            try {
                levels.add(Level.valueOf(level.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new KitConfigException("levels (" + origins.get("levels")
                        + ") may only contain required, recommended and optional, not '" + level + "'");
            }
        }
        Map<String, String> smb = new LinkedHashMap<>();
        for (String name : SmbSettings.KEYS) {
            String given = value(merged, name);
            if (given != null) {
                smb.put(name, given);
            }
        }
        KitConfig config = new KitConfig(endpoint, account, key, provisioner, version, list(value(merged, "cases")),
                list(value(merged, "classes")), levels, list(value(merged, "disabled")),
                Boolean.parseBoolean(parallelText), runPrefix, value(merged, "product"), smb, configFile, origins,
                BearerToken.resolve(merged.get("bearerToken"), merged.get("bearerTokenCommand")));
        SmbSettings.validate(config);
        return config;
    }

    private static URI endpoint(Setting setting) {
        String text = setting.value();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new KitConfigException("endpoint (" + setting.origin() + ") is not a URL: '" + text + "'");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new KitConfigException("endpoint (" + setting.origin() + ") must be an http or https URL with a host,"
                    + " such as http://127.0.0.1:10004/devstoreaccount1; got '" + text + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new KitConfigException("endpoint (" + setting.origin() + ") must not carry a query or fragment: '"
                    + text + "'");
        }
        return uri;
    }

    /** Path-style endpoints name the account in the path, host-style ones in the first host label. */
    private static String accountOf(URI endpoint) {
        String path = endpoint.getPath();
        if (path != null && path.length() > 1) {
            return path.substring(1).split("/")[0];
        }
        String host = endpoint.getHost();
        if (host.chars().anyMatch(Character::isLetter) && host.contains(".")) {
            return host.substring(0, host.indexOf('.'));
        }
        throw new KitConfigException("cannot tell the account from endpoint " + endpoint
                + "; give it with --account, handlestck.account, HANDLESTCK_ACCOUNT or account: in the config file");
    }

    private static String value(Map<String, Setting> merged, String key) {
        return value(merged, key, null);
    }

    private static String value(Map<String, Setting> merged, String key, String fallback) {
        Setting setting = merged.get(key);
        return setting == null || setting.value().isEmpty() ? fallback : setting.value();
    }

    private static Set<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static Map<String, String> readYaml(Path file) {
        Map<?, ?> document;
        try {
            document = YAML.readValue(Files.readString(file), Map.class);
        } catch (IOException e) {
            throw new KitConfigException("config file " + file + " cannot be read as YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (document == null) {
            document = Map.of();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : document.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (!KEYS.contains(name)) {
                throw new KitConfigException("config file " + file + " has an unknown setting '" + name
                        + "'; known settings: " + String.join(", ", KEYS));
            } else if (value instanceof Collection<?> values) {
                settings.put(name, String.join(",", values.stream().map(String::valueOf).toList()));
            } else if (value != null) {
                settings.put(name, String.valueOf(value));
            }
        }
        return settings;
    }
}
