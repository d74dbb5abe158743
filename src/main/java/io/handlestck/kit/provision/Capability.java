package io.handlestck.kit.provision;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a catalogue entry ({@code capabilities:} in {@code suites/*.yaml}) says a case needs. Two kinds:
 * what a provisioner must provide before the case can run at all (the kit reports COULD_NOT_TEST
 * without it), and optional features of the target, which the case probes itself and reports
 * NOT_IMPLEMENTED when absent. An entry naming anything else fails when the catalogue is loaded.
 */
public enum Capability {
    /** Handles can be opened on live shares. */
    HANDLES("handles", Kind.PROVISIONER),
    /** Handles can be opened on share snapshots. */
    SNAPSHOTS("snapshots", Kind.PROVISIONER),
    /** The client-side state of a handle can be observed ({@link HandleProvisioner#state}). */
    FIXTURE_STATE("fixture-state", Kind.PROVISIONER),
    /**
     * Handles can be opened as the client a {@link HandleRequest} describes (ip, name, session), each
     * field as far as the provisioner can choose it. The fixture protocol makes every field what the
     * request asks; a real SMB client takes the workstation name and, where it is an address of its own
     * machine, the ip, and reports through {@link ClientView#identity} the port and session it really got.
     */
    CLIENT_IDENTITY("client-identity", Kind.PROVISIONER),
    /**
     * The provisioner holds its handles as a real SMB client and answers {@link ClientView}: the NT
     * status of its next I/O, its own address, session and workstation.
     */
    SMB_CLIENT("smb-client", Kind.PROVISIONER),
    /**
     * Handles can be opened with FILE_DELETE_ON_CLOSE ({@link HandleRequest#deleteOnClose}), as an SMB
     * client deleting a file does; the fixture protocol has no such open.
     */
    DELETE_ON_CLOSE("delete-on-close", Kind.PROVISIONER),
    /** The target renames files and directories (Rename File, Rename Directory). */
    RENAME("rename", Kind.TARGET_FEATURE),
    /** The target accepts SharedKeyLite authorization. */
    SHAREDKEY_LITE("sharedkey-lite", Kind.TARGET_FEATURE),
    /** The target keeps trailing dots of names with {@code x-ms-allow-trailing-dot}. */
    TRAILING_DOT("trailing-dot", Kind.TARGET_FEATURE),
    /** The target accepts bearer tokens (Microsoft Entra ID) with {@code x-ms-file-request-intent}. */
    BEARER("bearer", Kind.TARGET_FEATURE);

    /** Who must offer a capability. */
    public enum Kind {
        /** Checked before the case runs, against {@link HandleProvisioner#capabilities()}. */
        PROVISIONER,
        /** Probed by the case itself; absent means NOT_IMPLEMENTED. */
        TARGET_FEATURE
    }

    private final String catalogueName;
    private final Kind kind;

    Capability(String catalogueName, Kind kind) {
        this.catalogueName = catalogueName;
        this.kind = kind;
    }

    /** The name written in the catalogue, e.g. {@code fixture-state}. */
    public String catalogueName() {
        return catalogueName;
    }

    public Kind kind() {
        return kind;
    }

    /** The capability a catalogue name stands for, if it is one. */
    public static Optional<Capability> named(String catalogueName) {
        return Arrays.stream(values()).filter(c -> c.catalogueName.equals(catalogueName)).findFirst();
    }

    @Override
    public String toString() {
        return catalogueName;
    }
}
