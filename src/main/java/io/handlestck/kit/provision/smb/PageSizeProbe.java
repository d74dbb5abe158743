package io.handlestck.kit.provision.smb;

import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.common.SMBRuntimeException;
import io.handlestck.kit.PreconditionNotMet;
import io.handlestck.kit.client.Answer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * Finds how many handles the target closes per Force Close Handles call, which a target that does
 * not serve the fixture protocol never advertises: open handles on one file of a scratch share and
 * Force Close {@code *} until an answer carries {@code x-ms-marker}; its closed count is the page
 * size. Azure allows 2,000 handles per file, so the search stops there: no marker within that bound
 * means paging cannot be set up ({@link OptionalInt#empty()}). Runs once per run, in the first case
 * that asks; its requests are recorded in that case's trace.
 */
final class PageSizeProbe {

    /** Azure Files' scalability target: concurrent handles per file. */
    static final int MAX_HANDLES_PER_FILE = 2_000;
    /** Handle counts tried in turn; small ones first so that a small page size costs little. */
    private static final int[] STEPS = {16, 128, MAX_HANDLES_PER_FILE};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SmbSettings settings;
    private final String runPrefix;
    private OptionalInt found;

    PageSizeProbe(SmbSettings settings, String runPrefix) {
        this.settings = settings;
        this.runPrefix = runPrefix;
    }

    synchronized OptionalInt pageSize(TargetRest rest) {
        if (found == null) {
            found = search(rest);
        }
        return found;
    }

    private OptionalInt search(TargetRest rest) {
        String share = runPrefix + "-smbpaging-" + Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE), 36);
        rest.createShare(share);
        SmbSession session = null;
        try {
            rest.createFile(share, "paging.txt");
            session = SmbSession.open(settings);
            List<HeldOpen> opens = new ArrayList<>();
            for (int target : STEPS) {
                while (opens.size() < target) {
                    opens.add(HeldOpen.open(session, share, "paging.txt", null, List.of("Read"),
                            EnumSet.of(SMB2ShareAccess.FILE_SHARE_READ, SMB2ShareAccess.FILE_SHARE_WRITE)));
                }
                Answer first = rest.forceCloseAll(share, "paging.txt", null);
                String closed = first.header("x-ms-number-of-handles-closed").orElse("");
                if (first.status() != 200 || !closed.matches("[0-9]{1,9}")) {
                    throw new PreconditionNotMet("the page-size search's Force Close * over " + opens.size()
                            + " handles answered " + first.status() + " with x-ms-number-of-handles-closed '" + closed + "'");
                }
                String marker = first.header("x-ms-marker").orElse("");
                if (!marker.isEmpty()) {
                    closeTheRest(rest, share, marker);
                    return OptionalInt.of(Integer.parseInt(closed));
                }
                opens.clear(); // all force-closed: the next step opens afresh
            }
            return OptionalInt.empty();
        } catch (SMBRuntimeException e) {
            throw new PreconditionNotMet("the page-size search could not open its handles: " + SmbRefused.describe(e), e);
        } finally {
            if (session != null) {
                session.end();
            }
            rest.deleteShare(share);
        }
    }

    /** Follows the markers so that the search leaves nothing open (the session's end would close them too). */
    private static void closeTheRest(TargetRest rest, String share, String firstMarker) {
        String marker = firstMarker;
        for (int call = 0; call < MAX_HANDLES_PER_FILE && !marker.isEmpty(); call++) {
            Answer next = rest.forceCloseAll(share, "paging.txt", marker);
            marker = next.status() == 200 ? next.header("x-ms-marker").orElse("") : "";
        }
    }
}
