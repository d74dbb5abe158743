package io.handlestck.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How {@code run} reaches the target's SMB endpoint for the {@code smb} provisioner. They become the
 * command-line layer of the {@code smb*} settings (also {@code handlestck.smbHost}, {@code HANDLESTCK_SMB_HOST},
 * {@code smbHost:} in YAML).
 */
final class SmbOptions {

    @Option(names = "--smb-host", paramLabel = "HOST", description = "SMB host (default: the endpoint's host).")
    String host;

    @Option(names = "--smb-port", paramLabel = "PORT", description = "SMB port (default: 445).")
    String port;

    @Option(names = "--smb-user", paramLabel = "NAME", description = "SMB user (default: the account name).")
    String user;

    @Option(names = "--smb-domain", paramLabel = "DOMAIN", description = "SMB domain (default: AZURE).")
    String domain;

    @Option(names = "--smb-password", paramLabel = "PASSWORD",
            description = "SMB password (default: the account key). Prefer HANDLESTCK_SMB_PASSWORD: a flag is visible to other users.")
    String password;

    @Option(names = "--smb-encrypt", paramLabel = "true|false",
            description = "Encrypt SMB traffic (default: true for *.file.core.windows.net, false elsewhere).")
    String encrypt;

    @Option(names = "--smb-dialects", paramLabel = "LIST",
            description = "SMB dialects to offer, comma-separated from 2.0.2, 2.1, 3.0, 3.0.2, 3.1.1 (default: all).")
    String dialects;

    @Option(names = "--smb-workstation", paramLabel = "NAME",
            description = "Workstation name sent when logging on; List Handles reports it as ClientName (default: HANDLESTCK).")
    String workstation;

    /** The flags that were given, by their setting name. */
    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        TargetOptions.putIfGiven(flags, "smbHost", host);
        TargetOptions.putIfGiven(flags, "smbPort", port);
        TargetOptions.putIfGiven(flags, "smbUser", user);
        TargetOptions.putIfGiven(flags, "smbDomain", domain);
        TargetOptions.putIfGiven(flags, "smbPassword", password);
        TargetOptions.putIfGiven(flags, "smbEncrypt", encrypt);
        TargetOptions.putIfGiven(flags, "smbDialects", dialects);
        TargetOptions.putIfGiven(flags, "smbWorkstation", workstation);
        return flags;
    }
}
