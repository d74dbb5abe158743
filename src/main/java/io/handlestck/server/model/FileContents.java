package io.handlestck.server.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of files written over SMB, in memory. A file's length is its node's content length (what
 * REST reports); bytes never written read as zeros, as REST reads them. Bounded per file and per
 * server: a write past either bound is refused, and the space of files deleted since is reclaimed
 * before a write is refused for the server bound.
 */
public final class FileContents {

    /** A write that would pass the per-file or per-server bound. */
    public static final class ContentFullException extends Exception {
        ContentFullException(String why) {
            super(why, null, false, false);
        }
    }

    private final Account account;
    private final int maxPerFile;
    private final long maxTotal;
    private final Map<Node, byte[]> stored = new IdentityHashMap<>();
    private long total;

    public FileContents(Account account, int maxPerFile, long maxTotal) {
        this.account = account;
        this.maxPerFile = maxPerFile;
        this.maxTotal = maxTotal;
    }

    public int maxPerFile() {
        return maxPerFile;
    }

    /** Up to {@code length} bytes from {@code offset}, cut at the end of the file. */
    public byte[] read(Node node, long offset, int length) {
        synchronized (node.namespace()) {
            long end = Math.min(node.contentLength(), offset + length);
            if (offset >= end) {
                return new byte[0];
            }
            byte[] out = new byte[(int) (end - offset)];
            synchronized (this) {
                byte[] data = stored.get(node);
                if (data != null && offset < data.length) {
                    System.arraycopy(data, (int) offset, out, 0, (int) Math.min(data.length - offset, out.length));
                }
            }
            return out;
        }
    }

    /** Writes and extends the file's length when the write ends past it. */
    public void write(Node node, long offset, byte[] data, int from, int count) throws ContentFullException {
        if (offset < 0 || offset + count > maxPerFile) {
            throw new ContentFullException("files written over SMB hold at most " + maxPerFile + " bytes");
        }
        try {
            writeWithin(node, offset, data, from, count);
        } catch (ContentFullException full) {
            reclaimDeleted();
            writeWithin(node, offset, data, from, count);
        }
    }

    private void writeWithin(Node node, long offset, byte[] data, int from, int count) throws ContentFullException {
        synchronized (node.namespace()) {
            int end = (int) offset + count;
            synchronized (this) {
                byte[] current = stored.get(node);
                int have = current == null ? 0 : current.length;
                if (end > have) {
                    int capacity = Math.min(maxPerFile, Math.max(end, have * 2));
                    reserve(capacity - have);
                    current = current == null ? new byte[capacity] : Arrays.copyOf(current, capacity);
                    stored.put(node, current);
                }
                System.arraycopy(data, from, current, (int) offset, count);
            }
            if (end > node.contentLength()) {
                node.contentLength(end);
            }
            node.touch(account.newEtag());
        }
    }

    /** Sets the file's length (SMB EndOfFile, or an overwriting open); bytes past it are forgotten. */
    public void setLength(Node node, long length) throws ContentFullException {
        if (length < 0 || length > FileContents.MAX_LENGTH) {
            throw new ContentFullException("a file is at most " + MAX_LENGTH + " bytes");
        }
        synchronized (node.namespace()) {
            synchronized (this) {
                byte[] current = stored.get(node);
                if (current != null && length < current.length) {
                    Arrays.fill(current, (int) length, current.length, (byte) 0);
                }
            }
            node.contentLength(length);
            node.touch(account.newEtag());
        }
    }

    /** The largest length a file may have, as in Azure Files: 4 TiB (the unwritten part reads as zeros). */
    public static final long MAX_LENGTH = 4L << 40;

    private void reserve(int bytes) throws ContentFullException {
        if (total + bytes > maxTotal) {
            throw new ContentFullException("the server holds at most " + maxTotal + " bytes of SMB-written content");
        }
        total += bytes;
    }

    /**
     * Forgets the content of files no longer reachable from their namespace's root. Takes each
     * namespace's lock before this one's, the order every other method takes them in.
     */
    private void reclaimDeleted() {
        List<Node> nodes;
        synchronized (this) {
            nodes = new ArrayList<>(stored.keySet());
        }
        for (Node node : nodes) {
            String path = node.path();
            List<String> segments = path.isEmpty() ? List.of() : List.of(path.split("/"));
            synchronized (node.namespace()) {
                if (node.namespace().find(segments) != node) {
                    synchronized (this) {
                        byte[] data = stored.remove(node);
                        total -= data == null ? 0 : data.length;
                    }
                }
            }
        }
    }
}
