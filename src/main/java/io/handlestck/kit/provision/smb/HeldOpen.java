package io.handlestck.kit.provision.smb;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msfscc.fileinformation.FileStandardInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.DiskEntry;
import com.hierynomus.smbj.share.File;
import io.handlestck.kit.provision.ClientView.Probe;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One SMB open the kit holds: the smbj entry, the session it belongs to, what it asked for, and the
 * id List Handles gave it (null while unknown, or for opens made in bulk).
 */
final class HeldOpen {

    private final SmbSession session;
    private final String share;
    private final String path;
    private final String snapshot;
    private final List<String> accessRights;
    private final DiskEntry entry;
    private volatile String handleId;
    private volatile boolean closedByClient;

    private HeldOpen(SmbSession session, String share, String path, String snapshot, List<String> accessRights,
                     DiskEntry entry) {
        this.session = session;
        this.share = share;
        this.path = path;
        this.snapshot = snapshot;
        this.accessRights = List.copyOf(accessRights);
        this.entry = entry;
    }

    /**
     * Opens an existing file or directory ({@code ""}: the share root) with the access the rights name
     * and the given sharing.
     */
    static HeldOpen open(SmbSession session, String share, String path, String snapshot, List<String> accessRights,
                         Set<SMB2ShareAccess> sharing) {
        return open(session, share, path, snapshot, accessRights, sharing, false);
    }

    /**
     * As {@link #open(SmbSession, String, String, String, List, Set)}; with {@code deleteOnClose} also FILE_DELETE_ON_CLOSE, which the rights
     * must then allow (Delete).
     */
    static HeldOpen open(SmbSession session, String share, String path, String snapshot, List<String> accessRights,
                         Set<SMB2ShareAccess> sharing, boolean deleteOnClose) {
        Set<SMB2CreateOptions> options = deleteOnClose ? EnumSet.of(SMB2CreateOptions.FILE_DELETE_ON_CLOSE)
                : EnumSet.noneOf(SMB2CreateOptions.class);
        DiskEntry entry = session.share(share).open(SnapshotPaths.smbPath(path, snapshot), accessMask(accessRights),
                null, sharing, SMB2CreateDisposition.FILE_OPEN, options);
        return new HeldOpen(session, share, path, snapshot, accessRights, entry);
    }

    /** List Handles' rights as SMB access: the data bits each right stands for, nothing more. */
    static Set<AccessMask> accessMask(List<String> rights) {
        Set<AccessMask> mask = EnumSet.noneOf(AccessMask.class);
        for (String right : rights) {
            switch (right) {
                case "Read" -> mask.addAll(List.of(AccessMask.FILE_READ_DATA, AccessMask.FILE_READ_ATTRIBUTES));
                case "Write" -> mask.addAll(List.of(AccessMask.FILE_WRITE_DATA, AccessMask.FILE_APPEND_DATA));
                case "Delete" -> mask.add(AccessMask.DELETE);
                default -> throw new IllegalArgumentException("unknown access right '" + right + "'");
            }
        }
        return mask;
    }

    /** The client's next I/O: READ of one byte where it may read a file, otherwise QUERY_INFO. */
    Probe probe() {
        try {
            if (entry instanceof File file && accessRights.contains("Read")) {
                file.read(new byte[1], 0);
                return new Probe(handleId, true, 0, "SMB2_READ");
            }
            entry.getFileInformation(FileStandardInformation.class);
            return new Probe(handleId, true, 0, "SMB2_QUERY_INFO");
        } catch (SMBApiException e) {
            return new Probe(handleId, false, e.getStatusCode(), String.valueOf(e.getFailedCommand()));
        }
    }

    /** SMB CLOSE, as the client would close it; the target must then drop it from its listings. */
    void closeAsClient() {
        entry.close();
        closedByClient = true;
    }

    /**
     * Closes it at the end of the case unless its client already did; a server that already closed it
     * (a force close) answers a status meaning "gone", which is not a problem.
     *
     * @return the problem, or null
     */
    String release() {
        if (closedByClient) {
            return null;
        }
        try {
            entry.close();
            return null;
        } catch (SMBApiException e) {
            if (ClientStatuses.meansGone(e.getStatusCode())) {
                return null;
            }
            return "SMB handle " + (handleId == null ? "" : handleId + " ") + "on '" + path + "' of share " + share
                    + " did not close: " + NtStatusNames.name(e.getStatusCode());
        } catch (RuntimeException e) {
            return "SMB handle on '" + path + "' of share " + share + " did not close: " + SmbRefused.describe(e);
        }
    }

    boolean on(String shareName, String resourcePath, String shareSnapshot) {
        return share.equals(shareName) && path.equals(resourcePath) && Objects.equals(snapshot, shareSnapshot);
    }

    SmbSession session() {
        return session;
    }

    String share() {
        return share;
    }

    String path() {
        return path;
    }

    String snapshot() {
        return snapshot;
    }

    List<String> accessRights() {
        return accessRights;
    }

    String handleId() {
        return handleId;
    }

    void identify(String id) {
        handleId = id;
    }

    boolean closedByClient() {
        return closedByClient;
    }
}
