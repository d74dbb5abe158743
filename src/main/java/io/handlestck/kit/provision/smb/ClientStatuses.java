package io.handlestck.kit.provision.smb;

import java.util.Set;

/**
 * The NT statuses by which a server tells a client that a handle no longer exists. Cleanup treats
 * them as "already closed"; the cases judge with their own allowed set from the catalogue.
 */
final class ClientStatuses {

    /** STATUS_FILE_CLOSED, STATUS_INVALID_HANDLE, STATUS_FILE_FORCED_CLOSED (MS-ERREF §2.3.1). */
    private static final Set<Long> GONE = Set.of(0xC0000128L, 0xC0000008L, 0xC00000B6L);

    private ClientStatuses() {
    }

    static boolean meansGone(long status) {
        return GONE.contains(status);
    }
}
