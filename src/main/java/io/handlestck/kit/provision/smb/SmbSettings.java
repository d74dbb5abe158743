package io.handlestck.kit.provision.smb;

import com.hierynomus.mssmb2.SMB2Dialect;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the {@code smb} provisioner reaches the target's SMB endpoint. Every value defaults to what a
 * real Azure Files account expects: the endpoint's host on port 445, user {@code AZURE\<account>}
 * with the account key as password, and encryption on for {@code *.file.core.windows.net}, because
 * accounts that require secure transfer refuse unencrypted SMB.
 *
 * @param dialects    the SMB dialects offered, highest first; empty means smbj's own list
 * @param workstation the NetBIOS name sent in NTLM AUTHENTICATE; List Handles reports it as ClientName
 * @param configured  whether any SMB setting was given explicitly (then {@code auto} tries SMB first)
 */
public record SmbSettings(String host, int port, String user, String domain, String password, boolean encrypt,
                          List<SMB2Dialect> dialects, String workstation, boolean configured) {

    /** The settings, by their CLI/YAML name; {@link KitConfig} resolves them like any other. */
    public static final List<String> KEYS = List.of("smbHost", "smbPort", "smbUser", "smbDomain", "smbPassword",
            "smbEncrypt", "smbDialects", "smbWorkstation");
    public static final int DEFAULT_PORT = 445;
    public static final String DEFAULT_DOMAIN = "AZURE";
    /** Sent as the NTLM workstation so that ClientName can be compared with what the client is. */
    public static final String DEFAULT_WORKSTATION = "HANDLESTCK";
    /** How long one SMB request may take before the client gives up on it. */
    static final long TIMEOUT_SECONDS = 20;

    private static final Map<String, SMB2Dialect> DIALECTS = Map.of("2.0.2", SMB2Dialect.SMB_2_0_2,
            "2.1", SMB2Dialect.SMB_2_1, "3.0", SMB2Dialect.SMB_3_0, "3.0.2", SMB2Dialect.SMB_3_0_2,
            "3.1.1", SMB2Dialect.SMB_3_1_1);

    public SmbSettings {
        dialects = List.copyOf(dialects);
    }

    /**
     * The SMB settings of a resolved configuration.
     *
     * @throws KitConfigException with one sentence naming the setting and where it came from
     */
    public static SmbSettings of(KitConfig config) {
        Map<String, String> raw = config.smb();
        Map<String, String> origins = config.origins();
        String endpointHost = config.endpoint() == null ? "127.0.0.1" : config.endpoint().getHost();
        String host = raw.getOrDefault("smbHost", endpointHost);
        int port = port(raw.get("smbPort"), origins);
        String encryptText = raw.get("smbEncrypt");
        if (encryptText != null && !encryptText.equals("true") && !encryptText.equals("false")) {
            throw new KitConfigException("smbEncrypt (" + origins.get("smbEncrypt") + ") must be true or false, not '"
                    + encryptText + "'");
        }
        boolean encrypt = encryptText == null ? host.toLowerCase(Locale.ROOT).endsWith(".file.core.windows.net")
                : Boolean.parseBoolean(encryptText);
        List<SMB2Dialect> dialects = dialects(raw.get("smbDialects"), origins);
        if (encrypt && !dialects.isEmpty() && dialects.stream().noneMatch(SMB2Dialect::isSmb3x)) {
            throw new KitConfigException("SMB encryption (smbEncrypt " + (encryptText == null ? "default for " + host
                    : origins.get("smbEncrypt")) + ") needs an SMB 3 dialect, but smbDialects (" + origins.get("smbDialects")
                    + ") offers only " + raw.get("smbDialects"));
        }
        String workstation = raw.getOrDefault("smbWorkstation", DEFAULT_WORKSTATION);
        if (!isNetbiosName(workstation)) {
            throw new KitConfigException("smbWorkstation (" + origins.get("smbWorkstation") + ") must be a NetBIOS name:"
                    + " 1 to 15 letters, digits or hyphens, not '" + workstation + "'");
        }
        return new SmbSettings(host, port, raw.getOrDefault("smbUser", config.account()),
                raw.getOrDefault("smbDomain", DEFAULT_DOMAIN), raw.getOrDefault("smbPassword", config.key()), encrypt,
                dialects, workstation, !raw.isEmpty());
    }

    /** Whether a workstation name is one NTLM can carry as a NetBIOS name: 1 to 15 letters, digits or hyphens. */
    static boolean isNetbiosName(String name) {
        return !name.isEmpty() && name.length() <= 15 && name.matches("[A-Za-z0-9-]+");
    }

    /** The same endpoint, logged on to from another workstation name ({@link #isNetbiosName}). */
    SmbSettings withWorkstation(String name) {
        return new SmbSettings(host, port, user, domain, password, encrypt, dialects, name, configured);
    }

    /** Checks the values without resolving defaults, so that a bad one ends the run before it starts. */
    public static void validate(KitConfig config) {
        of(config);
    }

    /** The settings for a report: the password only says whether it was given. */
    public static Map<String, Object> redacted(Map<String, String> raw) {
        Map<String, Object> out = new LinkedHashMap<>(raw);
        out.computeIfPresent("smbPassword", (key, value) -> "<redacted>");
        return out;
    }

    /** {@code AZURE\account@host:445}, for messages; never the password. */
    public String describe() {
        return domain + "\\" + user + "@" + host + ":" + port + (encrypt ? " (encrypted)" : "");
    }

    /** smbj's configuration for one client of this endpoint. */
    com.hierynomus.smbj.SmbConfig smbConfig(javax.net.SocketFactory sockets) {
        com.hierynomus.smbj.SmbConfig.Builder builder = com.hierynomus.smbj.SmbConfig.builder()
                .withWorkStationName(workstation)
                .withEncryptData(encrypt)
                .withTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .withSoTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .withSocketFactory(sockets);
        if (!dialects.isEmpty()) {
            builder.withDialects(dialects);
        }
        return builder.build();
    }

    private static int port(String text, Map<String, String> origins) {
        if (text == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new KitConfigException("smbPort (" + origins.get("smbPort") + ") must be a TCP port 1-65535, not '"
                + text + "'");
    }

    private static List<SMB2Dialect> dialects(String text, Map<String, String> origins) {
        List<SMB2Dialect> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String name : text.split(",")) {
            SMB2Dialect dialect = DIALECTS.get(name.trim());
            if (dialect == null) {
                throw new KitConfigException("smbDialects (" + origins.get("smbDialects") + ") may only name "
                        + String.join(", ", List.of("2.0.2", "2.1", "3.0", "3.0.2", "3.1.1")) + ", not '" + name.trim() + "'");
            }
            out.add(dialect);
        }
        return out;
    }
}
