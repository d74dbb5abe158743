package io.handlestck.kit.provision.smb;

import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.common.SMBRuntimeException;
import io.handlestck.kit.PreconditionNotMet;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.ForceCloseResult;
import io.handlestck.kit.client.TargetClient;
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

    synchronized OptionalInt pageSize(TargetClient client) {
        if (found == null) {
            found = search(client);
        }
        return found;
    }

    private OptionalInt search(TargetClient client) {
        String share = runPrefix + "-smbpaging-" + Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE), 36);
        if (client.createShare(share).getStatusCode() != 201) {
            throw new PreconditionNotMet("the page-size search could not create its share " + share);
        }
        SmbSession session = null;
        try {
            if (client.createFile(share, "paging.txt").getStatusCode() != 201) {
                throw new PreconditionNotMet("the page-size search could not create its file in share " + share);
            }
            session = SmbSession.open(settings);
            List<HeldOpen> opens = new ArrayList<>();
            for (int target : STEPS) {
                while (opens.size() < target) {
                    opens.add(HeldOpen.open(session, share, "paging.txt", null, List.of("Read"),
                            EnumSet.of(SMB2ShareAccess.FILE_SHARE_READ, SMB2ShareAccess.FILE_SHARE_WRITE)));
                }
                ForceCloseResult first = ForceCloseResult.of(client.forceClose(
                        ForceCloseCall.on(share, "paging.txt").allHandles()));
                if (first.status() != 200 || first.closed() == null) {
                    throw new PreconditionNotMet("the page-size search's Force Close * answered " + first.status());
                }
                if (first.marker() != null && !first.marker().isEmpty()) {
                    client.forceCloseAll(ForceCloseCall.on(share, "paging.txt").allHandles().marker(first.marker()));
                    return OptionalInt.of(first.closed().intValue());
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
            client.deleteShare(share);
        }
    }
}
