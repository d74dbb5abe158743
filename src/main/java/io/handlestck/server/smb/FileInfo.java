package io.handlestck.server.smb;

import io.handlestck.server.model.Node;
import java.nio.charset.StandardCharsets;

/** The file information structures (MS-FSCC §2.4) this server answers, from a node of the namespace. */
final class FileInfo {

    static final int BASIC = 4;
    static final int STANDARD = 5;
    static final int INTERNAL = 6;
    static final int EA = 7;
    static final int ACCESS = 8;
    static final int RENAME = 10;
    static final int NAMES = 12;
    static final int DISPOSITION = 13;
    static final int POSITION = 14;
    static final int MODE = 16;
    static final int ALIGNMENT = 17;
    static final int ALL = 18;
    static final int ALLOCATION = 19;
    static final int END_OF_FILE = 20;
    static final int STREAM = 22;
    static final int NETWORK_OPEN = 34;
    static final int ATTRIBUTE_TAG = 35;

    static final int DIRECTORY_INFO = 1;
    static final int FULL_DIRECTORY_INFO = 2;
    static final int BOTH_DIRECTORY_INFO = 3;
    static final int ID_BOTH_DIRECTORY_INFO = 37;
    static final int ID_FULL_DIRECTORY_INFO = 38;

    static final int ATTRIBUTE_DIRECTORY = 0x10;
    static final int ATTRIBUTE_ARCHIVE = 0x20;

    private static final long EPOCH_DIFFERENCE_MS = 11_644_473_600_000L;
    private static final int CLUSTER = 4096;

    private FileInfo() {
    }

    /** Milliseconds since 1970 as a FILETIME (100 ns ticks since 1601). */
    static long filetime(long epochMillis) {
        return (epochMillis + EPOCH_DIFFERENCE_MS) * 10_000;
    }

    static long time(Node node) {
        return filetime(node.lastModified().toEpochMilli());
    }

    static int attributes(Node node) {
        return node.isDirectory() ? ATTRIBUTE_DIRECTORY : ATTRIBUTE_ARCHIVE;
    }

    static long endOfFile(Node node) {
        return node.isDirectory() ? 0 : node.contentLength();
    }

    static long allocation(Node node) {
        long length = endOfFile(node);
        return (length + CLUSTER - 1) / CLUSTER * CLUSTER;
    }

    /** Creation, last access, last write and change time, all the node's last modification. */
    static SmbWriter times(SmbWriter out, Node node) {
        long time = time(node);
        return out.u64(time).u64(time).u64(time).u64(time);
    }

    /** The 52 bytes CREATE and CLOSE answer after the FileId-less header fields: times, sizes, attributes. */
    static SmbWriter openAttributes(SmbWriter out, Node node) {
        return times(out, node).u64(allocation(node)).u64(endOfFile(node)).u32(attributes(node));
    }

    static SmbWriter basic(SmbWriter out, Node node) {
        return times(out, node).u32(attributes(node)).u32(0);
    }

    static SmbWriter standard(SmbWriter out, Node node, boolean deletePending) {
        return out.u64(allocation(node)).u64(endOfFile(node)).u32(1).u8(deletePending ? 1 : 0)
                .u8(node.isDirectory() ? 1 : 0).u16(0);
    }

    static SmbWriter networkOpen(SmbWriter out, Node node) {
        return openAttributes(out, node).u32(0);
    }

    /** FileAllInformation: basic, standard, internal, EA, access, position, mode, alignment, name. */
    static SmbWriter all(SmbWriter out, Node node, int access, boolean deletePending) {
        basic(out, node);
        standard(out, node, deletePending);
        out.u64(node.fileId()).u32(0).u32(access).u64(0).u32(0).u32(0);
        byte[] name = ("\\" + node.path().replace('/', '\\')).getBytes(StandardCharsets.UTF_16LE);
        return out.u32(name.length).bytes(name);
    }

    /** FileStreamInformation: the one unnamed data stream of a file; nothing for a directory. */
    static SmbWriter stream(SmbWriter out, Node node) {
        if (node.isDirectory()) {
            return out;
        }
        byte[] name = "::$DATA".getBytes(StandardCharsets.UTF_16LE);
        return out.u32(0).u32(name.length).u64(endOfFile(node)).u64(allocation(node)).bytes(name);
    }

    static boolean isDirectoryClass(int infoClass) {
        return infoClass == DIRECTORY_INFO || infoClass == FULL_DIRECTORY_INFO || infoClass == BOTH_DIRECTORY_INFO
                || infoClass == NAMES || infoClass == ID_BOTH_DIRECTORY_INFO || infoClass == ID_FULL_DIRECTORY_INFO;
    }

    /**
     * One QUERY_DIRECTORY entry of the class for {@code node} shown as {@code name}; NextEntryOffset
     * is left 0 for the caller to link entries.
     */
    static byte[] directoryEntry(int infoClass, Node node, String name, int index) {
        byte[] encoded = name.getBytes(StandardCharsets.UTF_16LE);
        SmbWriter out = new SmbWriter(112 + encoded.length);
        out.u32(0).u32(index);
        if (infoClass == NAMES) {
            return out.u32(encoded.length).bytes(encoded).toArray();
        }
        times(out, node).u64(endOfFile(node)).u64(allocation(node)).u32(attributes(node)).u32(encoded.length);
        if (infoClass != DIRECTORY_INFO) {
            out.u32(0); // EaSize
        }
        if (infoClass == BOTH_DIRECTORY_INFO || infoClass == ID_BOTH_DIRECTORY_INFO) {
            out.u8(0).u8(0).zeros(24); // no 8.3 short name
        }
        if (infoClass == ID_BOTH_DIRECTORY_INFO) {
            out.u16(0).u64(node.fileId());
        } else if (infoClass == ID_FULL_DIRECTORY_INFO) {
            out.u32(0).u64(node.fileId());
        }
        return out.bytes(encoded).toArray();
    }
}
