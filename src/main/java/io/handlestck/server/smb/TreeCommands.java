package io.handlestck.server.smb;

import io.handlestck.server.model.Share;
import java.util.ArrayList;
import java.util.List;

/** TREE_CONNECT (MS-SMB2 §3.3.5.7), TREE_DISCONNECT (§3.3.5.8) and IOCTL (§3.3.5.15). */
final class TreeCommands {

    static final int FSCTL_VALIDATE_NEGOTIATE_INFO = 0x00140204;
    static final int FSCTL_DFS_GET_REFERRALS = 0x00060194;
    static final int FSCTL_DFS_GET_REFERRALS_EX = 0x000601B0;
    private static final int IOCTL_IS_FSCTL = 0x1;
    private static final int SHARE_TYPE_DISK = 0x01;

    private final SmbServer server;

    TreeCommands(SmbServer server) {
        this.server = server;
    }

    /** Connects {@code \\server\share}; STATUS_BAD_NETWORK_NAME for a share the account does not hold. */
    SmbTree connect(SmbMessage request, SmbSession session) {
        request.requireStructureSize(9);
        String path = request.utf16(request.u16(68), request.u16(70));
        if (!path.startsWith("\\\\")) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "not a UNC path");
        }
        String[] parts = path.substring(2).split("\\\\", -1);
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "not \\\\server\\share");
        }
        Share share = parts[1].isEmpty() ? null : server.context().account().share(parts[1]);
        if (share == null || !share.name().equalsIgnoreCase(parts[1])) {
            throw new SmbException(NtStatus.BAD_NETWORK_NAME, "no such share");
        }
        if (session.trees.size() >= SmbSession.MAX_TREES) {
            throw new SmbException(NtStatus.INSUFFICIENT_RESOURCES, "too many tree connects");
        }
        SmbTree tree = new SmbTree(session.newTreeId(), share);
        session.trees.put(tree.id(), tree);
        return tree;
    }

    static SmbWriter connectBody() {
        return new SmbWriter(16).u16(16).u8(SHARE_TYPE_DISK).u8(0).u32(0).u32(0).u32(Access.ALL);
    }

    SmbReply disconnect(SmbCall call) {
        call.request.requireStructureSize(4);
        List<SmbOpen> opens = new ArrayList<>();
        for (SmbOpen open : call.session.opens.values()) {
            if (open.tree() == call.tree) {
                opens.add(open);
            }
        }
        for (SmbOpen open : opens) {
            call.session.opens.remove(open.volatileId());
            server.opens().close(open);
        }
        call.session.trees.remove(call.tree.id());
        return SmbReply.empty();
    }

    SmbReply ioctl(SmbCall call) {
        SmbMessage request = call.request;
        request.requireStructureSize(57);
        int code = request.u32(68);
        if ((request.u32(112) & IOCTL_IS_FSCTL) == 0) {
            throw new SmbException(NtStatus.NOT_SUPPORTED, "only FSCTLs");
        }
        if (code == FSCTL_DFS_GET_REFERRALS || code == FSCTL_DFS_GET_REFERRALS_EX) {
            throw new SmbException(NtStatus.NOT_FOUND, "no DFS");
        }
        if (code != FSCTL_VALIDATE_NEGOTIATE_INFO) {
            throw new SmbException(NtStatus.NOT_SUPPORTED, "FSCTL not served");
        }
        if (request.u32(108) < 24) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "no room for the answer");
        }
        SmbConnection connection = call.connection;
        SmbWriter body = new SmbWriter(48 + 24);
        body.u16(49).u16(0).u32(code).bytes(request.bytes(72, 16));
        body.u32(0).u32(0).u32(SmbMessage.HEADER_SIZE + 48).u32(24).u32(0).u32(0);
        body.u32(0).bytes(server.serverGuid()).u16(SessionCommands.SIGNING_ENABLED).u16(connection.dialect);
        return SmbReply.ok(body);
    }
}
