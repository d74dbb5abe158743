package io.handlestck.kit.provision.smb;

import com.hierynomus.mserref.NtStatus;
import java.util.Locale;
import java.util.Map;

/** Writes an NT status the way MS-ERREF names it, for messages and reports. */
public final class NtStatusNames {

    /** Statuses smbj has no constant for, but which a server may answer after closing a handle. */
    private static final Map<Long, String> EXTRA = Map.of(
            0xC0000008L, "STATUS_INVALID_HANDLE",
            0xC00000B6L, "STATUS_FILE_FORCED_CLOSED");

    private NtStatusNames() {
    }

    /** {@code STATUS_FILE_CLOSED (0xC0000128)}, or the hex value alone when the name is unknown. */
    public static String name(long status) {
        String hex = String.format(Locale.ROOT, "0x%08X", status);
        String name = EXTRA.get(status);
        if (name == null) {
            NtStatus known = NtStatus.valueOf(status);
            name = known == NtStatus.STATUS_OTHER ? null : known.name();
        }
        return name == null ? hex : name + " (" + hex + ")";
    }
}
