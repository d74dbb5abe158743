package io.handlestck.kit.provision.smb;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMBApiException;
import io.handlestck.kit.PreconditionNotMet;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * The SMB endpoint would not let the kit in, or let it in without what was asked for: a precondition
 * of every handle case, never a verdict. The message is one line a user can act on.
 */
final class SmbRefused {

    private SmbRefused() {
    }

    /** Names the likely reason of a failed connect or logon. */
    static PreconditionNotMet because(SmbSettings settings, Throwable e) {
        String where = "SMB endpoint " + settings.describe();
        Throwable root = root(e);
        String why;
        if (root instanceof ConnectException) {
            why = "refuses connections (port closed?)";
        } else if (root instanceof UnknownHostException) {
            why = "has an unknown host name";
        } else if (root instanceof SocketTimeoutException) {
            why = "did not answer within " + SmbSettings.TIMEOUT_SECONDS + " s";
        } else if (e instanceof SMBApiException api && (api.getStatusCode() == NtStatus.STATUS_LOGON_FAILURE.getValue()
                || api.getStatusCode() == NtStatus.STATUS_ACCESS_DENIED.getValue())) {
            why = "refused the logon (" + NtStatusNames.name(api.getStatusCode()) + "): check --smb-user, --smb-domain"
                    + " and --smb-password (default: the account name, AZURE and the account key)";
        } else {
            why = "refused the kit: " + describe(e);
        }
        return new PreconditionNotMet(where + " " + why, e);
    }

    /** The exception and its root cause on one line. */
    static String describe(Throwable e) {
        if (e instanceof SMBApiException api) {
            return NtStatusNames.name(api.getStatusCode()) + " on " + api.getFailedCommand();
        }
        Throwable root = root(e);
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
