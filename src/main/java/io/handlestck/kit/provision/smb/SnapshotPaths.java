package io.handlestck.kit.provision.smb;

import io.handlestck.kit.PreconditionNotMet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * SMB names of share paths, live or in a share snapshot. A client reaches a snapshot through the
 * previous-versions mechanism: the {@code @GMT-YYYY.MM.DD-HH.MM.SS} token as the first path component
 * (MS-SMB2 §3.3.5.9, the TWrp create context's textual twin). The token has second precision, so a
 * snapshot whose REST timestamp has a fraction cannot be named this way.
 */
final class SnapshotPaths {

    private static final DateTimeFormatter GMT_TOKEN = DateTimeFormatter.ofPattern("'@GMT-'yyyy.MM.dd-HH.mm.ss",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private SnapshotPaths() {
    }

    /** {@code dir/f.txt} → {@code dir\f.txt}; on a snapshot {@code @GMT-2026.12.01-23.00.00\dir\f.txt}. */
    static String smbPath(String path, String snapshot) {
        String windows = path.replace('/', '\\');
        if (snapshot == null) {
            return windows;
        }
        String token = gmtToken(snapshot);
        return windows.isEmpty() ? token : token + "\\" + windows;
    }

    /** {@code 2026-12-01T23:00:00.0000000Z} → {@code @GMT-2026.12.01-23.00.00}. */
    static String gmtToken(String snapshot) {
        Instant instant;
        try {
            instant = Instant.parse(snapshot);
        } catch (DateTimeParseException e) {
            throw new PreconditionNotMet("share snapshot '" + snapshot + "' is not an ISO 8601 instant, so no @GMT"
                    + " token names it");
        }
        if (instant.getNano() != 0) {
            throw new PreconditionNotMet("share snapshot '" + snapshot + "' has a fraction of a second, which the"
                    + " @GMT token of previous versions cannot carry");
        }
        return GMT_TOKEN.format(instant);
    }
}
