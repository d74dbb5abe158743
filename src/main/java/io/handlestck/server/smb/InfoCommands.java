package io.handlestck.server.smb;

import io.handlestck.server.http.ServiceError;
import io.handlestck.server.model.DirectoryListing;
import io.handlestck.server.model.FileContents;
import io.handlestck.server.model.Node;
import io.handlestck.server.ops.Resources;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * QUERY_INFO (MS-SMB2 §3.3.5.20) of files and of the file system, and SET_INFO (§3.3.5.21):
 * basic information (accepted, the namespace keeps one modification time), end of file,
 * delete-on-close disposition and rename.
 */
final class InfoCommands {

    private static final int INFO_FILE = 1;
    private static final int INFO_FILESYSTEM = 2;
    private static final int INFO_SECURITY = 3;
    private static final int FILE_NAME = 9;
    private static final int FILE_ALTERNATE_NAME = 21;

    private static final int FS_VOLUME = 1;
    private static final int FS_SIZE = 3;
    private static final int FS_DEVICE = 4;
    private static final int FS_ATTRIBUTE = 5;
    private static final int FS_FULL_SIZE = 7;
    private static final int FS_SECTOR_SIZE = 11;

    /** A share reports 1 TiB of 4 KiB units, all free: the content bound is per file and server, not per share. */
    private static final long FS_UNITS = 1L << 28;
    private static final int SECTORS_PER_UNIT = 8;
    private static final int BYTES_PER_SECTOR = 512;
    private static final int FILE_DEVICE_DISK = 0x07;
    private static final int CASE_PRESERVED_UNICODE = 0x2 | 0x4;

    private final SmbServer server;

    InfoCommands(SmbServer server) {
        this.server = server;
    }

    SmbReply query(SmbCall call) {
        SmbMessage request = call.request;
        request.requireStructureSize(41);
        int type = request.u8(66);
        int infoClass = request.u8(67);
        int outputLength = request.u32(68);
        SmbOpen open = call.open(88);
        Node node = open.node();
        SmbWriter data = new SmbWriter(128);
        boolean variable = false;
        if (type == INFO_FILE) {
            switch (infoClass) {
                case FileInfo.BASIC -> FileInfo.basic(data, node);
                case FileInfo.STANDARD -> FileInfo.standard(data, node, open.deleteOnClose());
                case FileInfo.INTERNAL -> data.u64(node.fileId());
                case FileInfo.EA, FileInfo.MODE, FileInfo.ALIGNMENT -> data.u32(0);
                case FileInfo.ACCESS -> data.u32(open.access());
                case FileInfo.POSITION -> data.u64(0);
                case FileInfo.NETWORK_OPEN -> FileInfo.networkOpen(data, node);
                case FileInfo.ATTRIBUTE_TAG -> data.u32(FileInfo.attributes(node)).u32(0);
                case FileInfo.ALL -> {
                    FileInfo.all(data, node, open.access(), open.deleteOnClose());
                    variable = true;
                }
                case FileInfo.STREAM -> {
                    FileInfo.stream(data, node);
                    variable = true;
                }
                case FILE_NAME -> {
                    byte[] name = ("\\" + node.path().replace('/', '\\')).getBytes(StandardCharsets.UTF_16LE);
                    data.u32(name.length).bytes(name);
                    variable = true;
                }
                case FILE_ALTERNATE_NAME -> throw new SmbException(NtStatus.OBJECT_NAME_NOT_FOUND, "no 8.3 names");
                default -> throw new SmbException(NtStatus.INVALID_INFO_CLASS, "file information class not served");
            }
        } else if (type == INFO_FILESYSTEM) {
            variable = fileSystem(data, infoClass, call);
        } else if (type == INFO_SECURITY) {
            // self-relative, DACL present but null: everyone has access, as the account key grants all
            data.u8(1).u8(0).u16(0x8004).u32(0).u32(0).u32(0).u32(0);
        } else {
            throw new SmbException(NtStatus.NOT_SUPPORTED, "information type not served");
        }
        byte[] bytes = data.toArray();
        int status = NtStatus.SUCCESS;
        if (bytes.length > outputLength) {
            if (!variable) {
                throw new SmbException(NtStatus.INFO_LENGTH_MISMATCH, "output buffer too small");
            }
            bytes = Arrays.copyOf(bytes, outputLength);
            status = NtStatus.BUFFER_OVERFLOW;
        }
        SmbWriter body = new SmbWriter(8 + bytes.length).u16(9).u16(SmbMessage.HEADER_SIZE + 8).u32(bytes.length).bytes(bytes);
        return SmbReply.of(status, body);
    }

    /** Writes a file-system information class; true when its size varies (a name at its end). */
    private static boolean fileSystem(SmbWriter data, int infoClass, SmbCall call) {
        switch (infoClass) {
            case FS_VOLUME -> {
                byte[] label = call.tree.share().name().getBytes(StandardCharsets.UTF_16LE);
                data.u64(FileInfo.filetime(call.tree.share().created().toEpochMilli()))
                        .u32(call.tree.share().name().hashCode()).u32(label.length).u8(0).u8(0).bytes(label);
                return true;
            }
            case FS_SIZE -> data.u64(FS_UNITS).u64(FS_UNITS).u32(SECTORS_PER_UNIT).u32(BYTES_PER_SECTOR);
            case FS_FULL_SIZE -> data.u64(FS_UNITS).u64(FS_UNITS).u64(FS_UNITS).u32(SECTORS_PER_UNIT).u32(BYTES_PER_SECTOR);
            case FS_DEVICE -> data.u32(FILE_DEVICE_DISK).u32(0);
            case FS_ATTRIBUTE -> {
                byte[] name = "NTFS".getBytes(StandardCharsets.UTF_16LE);
                data.u32(CASE_PRESERVED_UNICODE).u32(255).u32(name.length).bytes(name);
                return true;
            }
            case FS_SECTOR_SIZE -> data.u32(BYTES_PER_SECTOR).u32(BYTES_PER_SECTOR).u32(BYTES_PER_SECTOR)
                    .u32(BYTES_PER_SECTOR).u32(0).u32(0).u32(0);
            default -> throw new SmbException(NtStatus.INVALID_INFO_CLASS, "file system information class not served");
        }
        return false;
    }

    SmbReply set(SmbCall call) {
        SmbMessage request = call.request;
        request.requireStructureSize(33);
        int type = request.u8(66);
        int infoClass = request.u8(67);
        int length = request.u32(68);
        int offset = request.u16(72);
        SmbOpen open = call.open(80);
        if (type != INFO_FILE) {
            throw new SmbException(NtStatus.NOT_SUPPORTED, "only file information is set");
        }
        if (length < 0 || length > SmbConnection.MAX_IO) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "buffer too large");
        }
        byte[] buffer = request.bytes(offset, length);
        boolean snapshot = open.namespace().snapshot() != null;
        switch (infoClass) {
            case FileInfo.BASIC, FileInfo.POSITION, FileInfo.MODE, FileInfo.ALLOCATION -> requireLength(buffer, 1);
            case FileInfo.END_OF_FILE -> endOfFile(open, buffer, snapshot);
            case FileInfo.DISPOSITION -> disposition(open, buffer, snapshot);
            case FileInfo.RENAME -> rename(open, buffer, snapshot);
            default -> throw new SmbException(NtStatus.INVALID_INFO_CLASS, "file information class not set here");
        }
        return SmbReply.ok(new SmbWriter(2).u16(2));
    }

    private void endOfFile(SmbOpen open, byte[] buffer, boolean snapshot) {
        requireLength(buffer, 8);
        refuseSnapshot(snapshot);
        open.require(Access.WRITE_DATA | Access.APPEND_DATA);
        if (open.node().isDirectory()) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "a directory has no end of file");
        }
        try {
            server.contents().setLength(open.node(), u64(buffer, 0));
        } catch (FileContents.ContentFullException tooLarge) {
            throw new SmbException(NtStatus.DISK_FULL, tooLarge.getMessage());
        }
    }

    private static void disposition(SmbOpen open, byte[] buffer, boolean snapshot) {
        requireLength(buffer, 1);
        refuseSnapshot(snapshot);
        open.require(Access.DELETE);
        boolean pending = buffer[0] != 0;
        if (pending && open.node().isRoot()) {
            throw new SmbException(NtStatus.ACCESS_DENIED, "the root cannot be deleted");
        }
        if (pending && !DirectoryListing.children(open.node()).isEmpty()) {
            throw new SmbException(NtStatus.DIRECTORY_NOT_EMPTY, "not empty");
        }
        open.deleteOnClose(pending);
    }

    /** FILE_RENAME_INFORMATION_TYPE_2: ReplaceIfExists, 7 reserved bytes, RootDirectory, the new name from the share root. */
    private void rename(SmbOpen open, byte[] buffer, boolean snapshot) {
        requireLength(buffer, 20);
        refuseSnapshot(snapshot);
        open.require(Access.DELETE);
        long nameLength = u32(buffer, 16) & 0xFFFFFFFFL;
        if (nameLength == 0 || nameLength % 2 != 0 || 20 + nameLength > buffer.length) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "bad new name");
        }
        String name = new String(buffer, 20, (int) nameLength, StandardCharsets.UTF_16LE);
        while (name.startsWith("\\")) {
            name = name.substring(1);
        }
        List<String> destination;
        try {
            destination = Resources.validatePath(Arrays.asList(name.split("\\\\", -1)), true);
        } catch (ServiceError invalid) {
            throw new SmbException(NtStatus.OBJECT_NAME_INVALID, "bad new name");
        }
        if (destination.isEmpty()) {
            throw new SmbException(NtStatus.OBJECT_NAME_INVALID, "the root is not a new name");
        }
        server.opens().rename(open, destination, buffer[0] != 0);
    }

    private static void refuseSnapshot(boolean snapshot) {
        if (snapshot) {
            throw new SmbException(NtStatus.MEDIA_WRITE_PROTECTED, "a share snapshot is read-only");
        }
    }

    private static void requireLength(byte[] buffer, int minimum) {
        if (buffer.length < minimum) {
            throw new SmbException(NtStatus.INFO_LENGTH_MISMATCH, "buffer too small");
        }
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static long u64(byte[] b, int at) {
        return (u32(b, at) & 0xFFFFFFFFL) | ((long) u32(b, at + 4)) << 32;
    }
}
