package io.handlestck.server.smb;

import io.handlestck.server.model.FileContents;
import io.handlestck.server.model.Node;

/** CLOSE (MS-SMB2 §3.3.5.10), FLUSH (§3.3.5.11), READ (§3.3.5.12) and WRITE (§3.3.5.13) of an open. */
final class FileCommands {

    private static final int CLOSE_POSTQUERY_ATTRIB = 0x1;
    private static final int READ_DATA_OFFSET = SmbMessage.HEADER_SIZE + 16;

    private final SmbServer server;

    FileCommands(SmbServer server) {
        this.server = server;
    }

    /** The client's CLOSE; STATUS_FILE_CLOSED when REST force-closed the open first. */
    SmbReply close(SmbCall call) {
        call.request.requireStructureSize(24);
        int flags = call.request.u16(66);
        SmbOpen open = call.open(72);
        call.session.opens.remove(open.volatileId());
        boolean wasOpen = server.opens().close(open);
        ForceCloseNotice notice = server.context().strategies().forceCloseNotice();
        if (!wasOpen && notice.endsOpen(open.handle(), open.deleteOnClose())) {
            throw new SmbException(notice.status(), "force-closed");
        }
        SmbWriter body = new SmbWriter(60).u16(60).u16(flags & CLOSE_POSTQUERY_ATTRIB).u32(0);
        if ((flags & CLOSE_POSTQUERY_ATTRIB) != 0) {
            FileInfo.openAttributes(body, open.node());
        } else {
            body.zeros(52);
        }
        return SmbReply.ok(body);
    }

    SmbReply flush(SmbCall call) {
        call.request.requireStructureSize(24);
        SmbOpen open = call.open(72);
        open.require(Access.WRITE_DATA | Access.APPEND_DATA);
        return SmbReply.empty();
    }

    /** READ and WRITE share their first fields: StructureSize 49, Length, Offset, FileId. */
    private record DataRequest(SmbOpen open, Node node, int length, long offset) {
    }

    private static DataRequest dataRequest(SmbCall call, int rights) {
        call.request.requireStructureSize(49);
        int length = call.request.u32(68);
        long offset = call.request.u64(72);
        SmbOpen open = call.open(80);
        Node node = open.node();
        if (node.isDirectory()) {
            throw new SmbException(NtStatus.INVALID_DEVICE_REQUEST, "a directory has no data");
        }
        open.require(rights);
        return new DataRequest(open, node, length, offset);
    }

    SmbReply read(SmbCall call) {
        DataRequest io = dataRequest(call, Access.READ_DATA | Access.EXECUTE);
        int minimum = call.request.u32(96);
        Node node = io.node();
        int length = io.length();
        long offset = io.offset();
        if (length < 0 || length > SmbConnection.MAX_IO || offset < 0) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "read outside the bounds");
        }
        if (length > 0 && offset >= node.contentLength()) {
            throw new SmbException(NtStatus.END_OF_FILE, "past the end");
        }
        byte[] data = server.contents().read(node, offset, length);
        if (data.length < minimum && minimum > 0) {
            throw new SmbException(NtStatus.END_OF_FILE, "fewer bytes than MinimumCount");
        }
        SmbWriter body = new SmbWriter(16 + data.length);
        body.u16(17).u8(READ_DATA_OFFSET).u8(0).u32(data.length).u32(0).u32(0).bytes(data);
        return SmbReply.ok(body);
    }

    SmbReply write(SmbCall call) {
        DataRequest io = dataRequest(call, Access.WRITE_DATA | Access.APPEND_DATA);
        int dataOffset = call.request.u16(66);
        Node node = io.node();
        int length = io.length();
        long offset = io.offset();
        if (offset == -1L) {
            offset = node.contentLength(); // append (FILE_APPEND_DATA semantics)
        }
        if (length < 0 || length > SmbConnection.MAX_IO || offset < 0) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "write outside the bounds");
        }
        byte[] data = new byte[length];
        call.request.copy(dataOffset, length, data, 0);
        try {
            server.contents().write(node, offset, data, 0, length);
        } catch (FileContents.ContentFullException full) {
            throw new SmbException(NtStatus.DISK_FULL, full.getMessage());
        }
        return SmbReply.ok(new SmbWriter(16).u16(17).u16(0).u32(length).u32(0).u16(0).u16(0));
    }
}
