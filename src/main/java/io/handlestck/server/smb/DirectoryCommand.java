package io.handlestck.server.smb;

import io.handlestck.server.model.DirectoryListing;
import io.handlestck.server.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * QUERY_DIRECTORY (MS-SMB2 §3.3.5.18): an enumeration of a directory open, "." and ".." first, then
 * the children matching the pattern, continued across requests until STATUS_NO_MORE_FILES.
 */
final class DirectoryCommand {

    private static final int RESTART_SCANS = 0x01;
    private static final int RETURN_SINGLE_ENTRY = 0x02;
    private static final int REOPEN = 0x10;
    private static final int MAX_PATTERN = 512;

    /** One name an enumeration returns. */
    record Entry(String name, Node node) {
    }

    SmbReply query(SmbCall call) {
        SmbMessage request = call.request;
        request.requireStructureSize(33);
        int infoClass = request.u8(66);
        int flags = request.u8(67);
        SmbOpen open = call.open(72);
        int patternLength = request.u16(90);
        String pattern = patternLength == 0 ? "*" : request.utf16(request.u16(88), patternLength);
        int outputLength = request.u32(92);
        if (!FileInfo.isDirectoryClass(infoClass)) {
            throw new SmbException(NtStatus.INVALID_INFO_CLASS, "directory information class not served");
        }
        if (!open.node().isDirectory()) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "not a directory");
        }
        if (pattern.length() > MAX_PATTERN) {
            throw new SmbException(NtStatus.OBJECT_NAME_INVALID, "pattern too long");
        }
        if (open.listing == null || (flags & (RESTART_SCANS | REOPEN)) != 0) {
            open.listing = listing(open.node(), pattern);
            open.listed = 0;
        }
        if (open.listed >= open.listing.size()) {
            throw new SmbException(open.listing.isEmpty() ? NtStatus.NO_SUCH_FILE : NtStatus.NO_MORE_FILES, "done");
        }
        SmbWriter data = new SmbWriter(Math.min(outputLength, 65536));
        int previous = -1;
        while (open.listed < open.listing.size()) {
            Entry entry = open.listing.get(open.listed);
            byte[] encoded = FileInfo.directoryEntry(infoClass, entry.node(), entry.name(), open.listed);
            int start = data.length() + (8 - data.length() % 8) % 8;
            if ((long) start + encoded.length > outputLength) {
                break;
            }
            data.zeros(start - data.length());
            if (previous >= 0) {
                data.putU32(previous, start - previous);
            }
            data.bytes(encoded);
            previous = start;
            open.listed++;
            if ((flags & RETURN_SINGLE_ENTRY) != 0) {
                break;
            }
        }
        if (previous < 0) {
            throw new SmbException(NtStatus.INFO_LENGTH_MISMATCH, "no room for one entry");
        }
        byte[] bytes = data.toArray();
        SmbWriter body = new SmbWriter(8 + bytes.length).u16(9).u16(SmbMessage.HEADER_SIZE + 8).u32(bytes.length).bytes(bytes);
        return SmbReply.ok(body);
    }

    private static List<Entry> listing(Node directory, String pattern) {
        List<Entry> entries = new ArrayList<>();
        String lower = pattern.toLowerCase(Locale.ROOT);
        if (matches(lower, ".")) {
            entries.add(new Entry(".", directory));
        }
        if (matches(lower, "..")) {
            entries.add(new Entry("..", DirectoryListing.parentOf(directory)));
        }
        for (Node child : DirectoryListing.children(directory)) {
            if (matches(lower, child.name().toLowerCase(Locale.ROOT))) {
                entries.add(new Entry(child.name(), child));
            }
        }
        return entries;
    }

    /**
     * Windows wildcard matching, by dynamic programming (no backtracking blow-up): {@code *} and
     * {@code <} any run, {@code ?} and {@code >} one character, {@code "} a dot.
     */
    static boolean matches(String pattern, String name) {
        boolean[] previous = new boolean[name.length() + 1];
        previous[0] = true;
        for (int p = 0; p < pattern.length(); p++) {
            char c = pattern.charAt(p);
            boolean[] current = new boolean[name.length() + 1];
            boolean any = c == '*' || c == '<';
            current[0] = any && previous[0];
            for (int n = 1; n <= name.length(); n++) {
                char actual = name.charAt(n - 1);
                if (any) {
                    current[n] = previous[n] || current[n - 1];
                } else if (c == '?' || c == '>') {
                    current[n] = previous[n - 1];
                } else {
                    char expected = c == '"' ? '.' : c;
                    current[n] = previous[n - 1] && expected == actual;
                }
            }
            previous = current;
        }
        return previous[name.length()];
    }
}
