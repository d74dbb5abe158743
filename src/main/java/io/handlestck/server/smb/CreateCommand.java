package io.handlestck.server.smb;

import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.WireFormats;
import io.handlestck.server.model.FileContents;
import io.handlestck.server.model.Namespace;
import io.handlestck.server.model.Node;
import io.handlestck.server.ops.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE (MS-SMB2 §3.3.5.9): where a handle is born. Resolves the name in the live share or in a
 * snapshot (the TWrp create context or an {@code @GMT-} path token), applies the disposition, checks
 * the share modes against the node's other opens, and opens a model handle for List Handles.
 */
final class CreateCommand {

    static final int SUPERSEDE = 0;
    static final int OPEN = 1;
    static final int CREATE = 2;
    static final int OPEN_IF = 3;
    static final int OVERWRITE = 4;
    static final int OVERWRITE_IF = 5;

    static final int DIRECTORY_FILE = 0x1;
    static final int NON_DIRECTORY_FILE = 0x40;
    static final int DELETE_ON_CLOSE = 0x1000;

    private static final int ACTION_SUPERSEDED = 0;
    private static final int ACTION_OPENED = 1;
    private static final int ACTION_CREATED = 2;
    private static final int ACTION_OVERWRITTEN = 3;
    private static final int MAX_CONTEXTS = 32;
    private static final Pattern GMT_TOKEN = Pattern.compile("@GMT-(\\d{4})\\.(\\d{2})\\.(\\d{2})-(\\d{2})\\.(\\d{2})\\.(\\d{2})");

    /** The open made and what CREATE did (CreateAction). */
    record Created(SmbOpen open, int action) {
    }

    private final SmbServer server;

    CreateCommand(SmbServer server) {
        this.server = server;
    }

    Created create(SmbCall call) {
        SmbMessage request = call.request;
        request.requireStructureSize(57);
        int impersonation = request.u32(68);
        int access = Access.granted(request.u32(88));
        int shareAccess = request.u32(96);
        int disposition = request.u32(100);
        int options = request.u32(104);
        if (impersonation > 3 || disposition > OVERWRITE_IF || (shareAccess & ~7) != 0
                || (options & (DIRECTORY_FILE | NON_DIRECTORY_FILE)) == (DIRECTORY_FILE | NON_DIRECTORY_FILE)) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "bad CREATE parameters");
        }
        boolean deleteOnClose = (options & DELETE_ON_CLOSE) != 0;
        if (deleteOnClose && (access & Access.DELETE) == 0) {
            throw new SmbException(NtStatus.ACCESS_DENIED, "delete-on-close needs DELETE access");
        }
        String name = request.u16(110) == 0 ? "" : request.utf16(request.u16(108), request.u16(110));
        List<String> segments = new ArrayList<>(Arrays.asList(name.split("\\\\", -1)));
        Instant snapshotAt = timewarp(request);
        for (int i = segments.size() - 1; i >= 0; i--) {
            Matcher token = GMT_TOKEN.matcher(segments.get(i));
            if (token.matches()) {
                snapshotAt = Instant.parse(token.group(1) + "-" + token.group(2) + "-" + token.group(3) + "T"
                        + token.group(4) + ":" + token.group(5) + ":" + token.group(6) + "Z");
                segments.remove(i);
            }
        }
        List<String> path = validPath(segments);
        Namespace namespace = namespace(call, snapshotAt);
        if (namespace.snapshot() != null && (disposition != OPEN || (access & Access.WRITES) != 0)) {
            throw new SmbException(NtStatus.MEDIA_WRITE_PROTECTED, "a share snapshot is read-only");
        }
        if (call.session.opens.size() >= SmbSession.MAX_OPENS) {
            throw new SmbException(NtStatus.INSUFFICIENT_RESOURCES, "too many opens in the session");
        }
        synchronized (namespace) {
            Node node = namespace.find(path);
            int action;
            if (node != null) {
                action = openExisting(node, disposition, options, access, shareAccess, deleteOnClose);
            } else {
                node = createNew(namespace, path, disposition, (options & DIRECTORY_FILE) != 0);
                action = ACTION_CREATED;
            }
            SmbOpen open = server.opens().open(node, call, access, shareAccess, deleteOnClose, call.session.newVolatileId());
            call.session.opens.put(open.volatileId(), open);
            return new Created(open, action);
        }
    }

    private int openExisting(Node node, int disposition, int options, int access, int shareAccess, boolean deleteOnClose) {
        if (disposition == CREATE) {
            throw new SmbException(NtStatus.OBJECT_NAME_COLLISION, "exists");
        }
        if ((options & DIRECTORY_FILE) != 0 && !node.isDirectory()) {
            throw new SmbException(NtStatus.NOT_A_DIRECTORY, "a file");
        }
        if ((options & NON_DIRECTORY_FILE) != 0 && node.isDirectory()) {
            throw new SmbException(NtStatus.FILE_IS_A_DIRECTORY, "a directory");
        }
        boolean overwrite = disposition == SUPERSEDE || disposition == OVERWRITE || disposition == OVERWRITE_IF;
        if (overwrite && node.isDirectory()) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "a directory cannot be overwritten");
        }
        if (deleteOnClose && node.isRoot()) {
            throw new SmbException(NtStatus.ACCESS_DENIED, "the root cannot be deleted");
        }
        server.opens().checkSharing(node, access, shareAccess);
        if (!overwrite) {
            return ACTION_OPENED;
        }
        try {
            server.contents().setLength(node, 0);
        } catch (FileContents.ContentFullException cannot) {
            throw new SmbException(NtStatus.DISK_FULL, cannot.getMessage());
        }
        return disposition == SUPERSEDE ? ACTION_SUPERSEDED : ACTION_OVERWRITTEN;
    }

    private static Node createNew(Namespace namespace, List<String> path, int disposition, boolean directory) {
        if (disposition == OPEN || disposition == OVERWRITE) {
            Node parent = namespace.find(path.subList(0, path.size() - 1));
            throw parent != null && parent.isDirectory()
                    ? new SmbException(NtStatus.OBJECT_NAME_NOT_FOUND, "no such name")
                    : new SmbException(NtStatus.OBJECT_PATH_NOT_FOUND, "no such directory");
        }
        try {
            return directory ? namespace.createDirectory(path) : namespace.createFile(path, 0, true);
        } catch (ServiceError refused) {
            throw OpenTable.toSmb(refused);
        }
    }

    /** The validated names below the share root; a trailing backslash is allowed, any other empty name is not. */
    private static List<String> validPath(List<String> segments) {
        if (segments.size() == 1 && segments.get(0).isEmpty()) {
            return List.of();
        }
        if (segments.size() > 1 && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        try {
            return Resources.validatePath(segments, true);
        } catch (ServiceError invalid) {
            throw new SmbException(NtStatus.OBJECT_NAME_INVALID, "bad name");
        }
    }

    private static Namespace namespace(SmbCall call, Instant snapshotAt) {
        if (snapshotAt == null) {
            return call.tree.share().live();
        }
        Namespace snapshot = call.tree.share().snapshot(WireFormats.iso7(snapshotAt));
        if (snapshot == null) {
            throw new SmbException(NtStatus.OBJECT_NAME_NOT_FOUND, "no such share snapshot");
        }
        return snapshot;
    }

    /** The time of an SMB2_CREATE_TIMEWARP_TOKEN ("TWrp") create context, or null without one. */
    private static Instant timewarp(SmbMessage request) {
        int offset = request.u32(112);
        int length = request.u32(116);
        if (length == 0) {
            return null;
        }
        if (offset < SmbMessage.HEADER_SIZE || length < 16 || (long) offset + length > request.length()) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "create contexts outside the message");
        }
        Instant at = null;
        int context = offset;
        for (int i = 0; i < MAX_CONTEXTS; i++) {
            int next = request.u32(context);
            int nameOffset = request.u16(context + 4);
            int nameLength = request.u16(context + 6);
            int dataOffset = request.u16(context + 10);
            int dataLength = request.u32(context + 12);
            byte[] name = request.bytes(context + nameOffset, nameLength);
            if (Arrays.equals(name, new byte[] {'T', 'W', 'r', 'p'})) {
                if (dataLength != 8) {
                    throw new SmbException(NtStatus.INVALID_PARAMETER, "TWrp holds a FILETIME");
                }
                long ticks = request.u64(context + dataOffset) - 116_444_736_000_000_000L;
                at = Instant.ofEpochSecond(Math.floorDiv(ticks, 10_000_000L), Math.floorMod(ticks, 10_000_000L) * 100);
            }
            if (next == 0) {
                return at;
            }
            if (next < 16 || next % 8 != 0 || (long) context + next >= (long) offset + length) {
                throw new SmbException(NtStatus.INVALID_PARAMETER, "bad create context chain");
            }
            context += next;
        }
        throw new SmbException(NtStatus.INVALID_PARAMETER, "too many create contexts");
    }

    static SmbReply reply(Created created) {
        SmbOpen open = created.open();
        SmbWriter body = new SmbWriter(96);
        body.u16(89).u8(0).u8(0).u32(created.action());
        FileInfo.openAttributes(body, open.node()).u32(0);
        body.u64(open.persistentId()).u64(open.volatileId()).u32(0).u32(0).u8(0);
        return SmbReply.ok(body);
    }
}
