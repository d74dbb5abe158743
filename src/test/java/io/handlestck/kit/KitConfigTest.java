package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import io.handlestck.kit.provision.smb.SmbSettings;
import io.handlestck.kit.result.Level;
import io.handlestck.server.ReferenceServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration precedence (CLI &gt; system properties &gt; environment &gt; YAML), validation and redaction. */
class KitConfigTest {

    private static final String KEY = ReferenceServer.DEV_KEY;
    private static final String OTHER_KEY = "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXk=";

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheEmbeddedServerWithEveryCaseInParallel() {
        KitConfig config = KitConfig.defaults();
        assertThat(config.embedded()).isTrue();
        assertThat(config.version()).isEqualTo(KitConfig.DEFAULT_VERSION);
        assertThat(config.provisioner()).isEqualTo("auto");
        assertThat(config.parallel()).isTrue();
        assertThat(config.cases()).isEmpty();
        assertThat(config.runPrefix()).isEqualTo("htck");
    }

    @Test
    void eachLayerOverridesTheOnesBelow() throws Exception {
        Path yaml = write("endpoint: http://yaml:1/acct\nkey: " + KEY + "\nversion: 2019-02-02\nproduct: from-yaml\n"
                + "runPrefix: yaml\nlevels: [required]\n");
        Map<String, String> environment = Map.of("HANDLESTCK_VERSION", "2020-02-10", "HANDLESTCK_RUN_PREFIX", "env",
                "HANDLESTCK_PRODUCT", "from-env");
        Properties system = new Properties();
        system.setProperty("handlestck.version", "2021-06-08");
        system.setProperty("handlestck.product", "from-system");
        system.setProperty("unrelated.version", "1999-01-01");

        KitConfig config = KitConfig.resolve(Map.of("version", "2024-05-04"), system, environment, yaml);

        assertThat(config.version()).isEqualTo("2024-05-04");
        assertThat(config.origins()).containsEntry("version", "command line");
        assertThat(config.product()).isEqualTo("from-system");
        assertThat(config.origins()).containsEntry("product", "system property handlestck.product");
        assertThat(config.runPrefix()).isEqualTo("env");
        assertThat(config.origins()).containsEntry("runPrefix", "environment HANDLESTCK_RUN_PREFIX");
        assertThat(config.endpoint()).isEqualTo(URI.create("http://yaml:1/acct"));
        assertThat(config.origins().get("endpoint")).startsWith("config file ");
        assertThat(config.levels()).containsExactly(Level.REQUIRED);
    }

    @Test
    void aConnectionStringFillsEndpointAccountAndKeyButAHigherLayerEndpointWins() {
        String connection = "DefaultEndpointsProtocol=http;AccountName=acct;AccountKey=" + KEY
                + ";FileEndpoint=http://127.0.0.1:10004/acct;";
        KitConfig fromEnvironment = KitConfig.resolve(Map.of(), new Properties(),
                Map.of("HANDLESTCK_CONNECTION_STRING", connection), null);
        assertThat(fromEnvironment.endpoint()).isEqualTo(URI.create("http://127.0.0.1:10004/acct"));
        assertThat(fromEnvironment.account()).isEqualTo("acct");
        assertThat(fromEnvironment.key()).isEqualTo(KEY);

        KitConfig overridden = KitConfig.resolve(Map.of("endpoint", "http://other:2/acct"), new Properties(),
                Map.of("HANDLESTCK_CONNECTION_STRING", connection), null);
        assertThat(overridden.endpoint()).isEqualTo(URI.create("http://other:2/acct"));
        assertThat(overridden.key()).isEqualTo(KEY);
    }

    @Test
    void theAccountIsDerivedFromPathStyleAndHostStyleEndpoints() {
        assertThat(cli("endpoint", "http://127.0.0.1:10004/devstoreaccount1/", "key", KEY).account())
                .isEqualTo("devstoreaccount1");
        KitConfig hostStyle = cli("endpoint", "https://myacct.file.core.windows.net", "key", KEY);
        assertThat(hostStyle.account()).isEqualTo("myacct");
        assertThat(hostStyle.endpoint()).isEqualTo(URI.create("https://myacct.file.core.windows.net"));
    }

    @Test
    void badValuesAreRefusedWithOneSentenceNamingTheSettingAndItsOrigin() {
        assertRefused(() -> cli("endpoint", "ftp://x/acct", "key", KEY), "endpoint (command line)");
        assertRefused(() -> cli("endpoint", "http://127.0.0.1:1/acct"), "no account key for endpoint");
        assertRefused(() -> cli("endpoint", "http://127.0.0.1:1/acct", "key", "not base64!"), "key (command line)");
        assertRefused(() -> cli("version", "latest"), "version (command line)");
        assertRefused(() -> cli("parallel", "yes"), "parallel (command line)");
        assertRefused(() -> cli("levels", "required,mandatory"), "'mandatory'");
        assertRefused(() -> cli("runPrefix", "Bad--Prefix"), "runPrefix (command line)");
        assertRefused(() -> cli("smbPort", "0"), "smbPort (command line) must be a TCP port");
        assertRefused(() -> cli("smbEncrypt", "maybe"), "smbEncrypt (command line) must be true or false");
        assertRefused(() -> cli("smbDialects", "2.1,1.0"), "not '1.0'");
        assertRefused(() -> cli("smbEncrypt", "true", "smbDialects", "2.0.2,2.1"), "needs an SMB 3 dialect");
        assertRefused(() -> cli("smbWorkstation", "a name far too long"), "smbWorkstation (command line)");
        assertRefused(() -> KitConfig.resolve(Map.of(), new Properties(), Map.of(), write(
                "preopened:\n  - {share: s, handleId: '1'}\n")), "unknown setting 'preopened'");
        assertRefused(() -> cli("colour", "blue"), "unknown setting 'colour'");
        assertRefused(() -> KitConfig.resolve(Map.of(), new Properties(),
                Map.of("HANDLESTCK_CONNECTION_STRING", "AccountName=a;AccountKey=" + KEY), null), "no FileEndpoint=");
        assertRefused(() -> KitConfig.resolve(Map.of(), new Properties(),
                Map.of("HANDLESTCK_CONNECTION_STRING", "FileEndpoint=http://h/a;SharedAccessSignature=sv=1&sig=x"), null),
                "SAS");
        assertRefused(() -> KitConfig.resolve(Map.of(), new Properties(), Map.of(), write("colour: blue\n")),
                "unknown setting 'colour'");
        assertRefused(() -> KitConfig.resolve(Map.of(), new Properties(), Map.of(), write("endpoint: [unclosed\n")),
                "cannot be read as YAML");
    }

    @Test
    void smbSettingsComeFromEveryLayerAndDefaultToWhatAzureExpects() {
        KitConfig azure = KitConfig.resolve(Map.of("endpoint", "https://acct.file.core.windows.net", "key", KEY),
                new Properties(), Map.of(), null);
        SmbSettings defaults = SmbSettings.of(azure);
        assertThat(defaults).extracting(SmbSettings::host, SmbSettings::port, SmbSettings::user, SmbSettings::domain,
                SmbSettings::password, SmbSettings::encrypt, SmbSettings::workstation, SmbSettings::configured)
                .containsExactly("acct.file.core.windows.net", 445, "acct", "AZURE", KEY, true, "HANDLESTCK", false);

        Properties system = new Properties();
        system.setProperty("handlestck.smbPort", "4455");
        KitConfig layered = KitConfig.resolve(Map.of("endpoint", "http://127.0.0.1:1/devstoreaccount1", "key", KEY,
                "smbDialects", "2.1"), system, Map.of("HANDLESTCK_SMB_PASSWORD", "other-secret"),
                write("smbHost: files.example\nsmbWorkstation: ci-runner\n"));
        SmbSettings smb = SmbSettings.of(layered);
        assertThat(smb.host()).isEqualTo("files.example");
        assertThat(smb.port()).isEqualTo(4455);
        assertThat(smb.password()).isEqualTo("other-secret");
        assertThat(smb.encrypt()).isFalse();
        assertThat(smb.workstation()).isEqualTo("ci-runner");
        assertThat(smb.dialects()).containsExactly(com.hierynomus.mssmb2.SMB2Dialect.SMB_2_1);
        assertThat(smb.configured()).isTrue();
        assertThat(layered.toString()).doesNotContain("other-secret").contains("smbPassword=<redacted>");
        assertThat(layered.secrets()).containsExactly(KEY, "other-secret");
    }

    @Test
    void theRedactedConfigKeepsEverySettingButNoSecret() {
        String connection = "DefaultEndpointsProtocol=http;AccountName=acct;AccountKey=" + OTHER_KEY
                + ";FileEndpoint=http://127.0.0.1:10004/acct;";
        KitConfig config = KitConfig.resolve(Map.of("cases", "FCH-001,LH-002"), new Properties(),
                Map.of("HANDLESTCK_CONNECTION_STRING", connection), null);

        Map<String, Object> redacted = config.redacted();

        assertThat(redacted).containsEntry("endpoint", "http://127.0.0.1:10004/acct").containsEntry("account", "acct")
                .containsEntry("key", "<redacted>").containsKey("origins");
        assertThat(redacted.get("cases")).asList().containsExactlyInAnyOrder("FCH-001", "LH-002");
        assertThat(redacted.toString()).doesNotContain(OTHER_KEY).doesNotContain("AccountKey");
        assertThat(config.toString()).as("toString is a leak path too").doesNotContain(OTHER_KEY);
    }

    private KitConfig cli(String... namesAndValues) {
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            flags.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return KitConfig.resolve(flags, new Properties(), Map.of(), null);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable resolve, String mention) {
        assertThatThrownBy(resolve).isInstanceOf(KitConfigException.class).hasMessageContaining(mention)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String yaml) {
        try {
            return Files.writeString(Files.createTempFile(dir, "kit", ".yaml"), yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
