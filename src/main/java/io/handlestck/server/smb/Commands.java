package io.handlestck.server.smb;

/**
 * Routes a request to its command once the session and tree it needs are known: NEGOTIATE,
 * SESSION_SETUP, ECHO and CANCEL need none, LOGOFF and TREE_CONNECT an authenticated session, the
 * rest also a tree (MS-SMB2 §3.3.5.2.9: STATUS_USER_SESSION_DELETED, STATUS_NETWORK_NAME_DELETED).
 */
final class Commands {

    private final SessionCommands sessions;
    private final TreeCommands trees;
    private final CreateCommand create;
    private final FileCommands files;
    private final InfoCommands info;
    private final DirectoryCommand directories;

    Commands(SmbServer server) {
        this.sessions = new SessionCommands(server);
        this.trees = new TreeCommands(server);
        this.create = new CreateCommand(server);
        this.files = new FileCommands(server);
        this.info = new InfoCommands(server);
        this.directories = new DirectoryCommand();
    }

    SmbConnection.Dispatched dispatch(SmbConnection connection, SmbMessage request, SmbSession session, int treeId,
                                      long[] relatedFileId, byte[] key) {
        if (request.isAsync() && request.command != SmbMessage.CANCEL) {
            throw new SmbException(NtStatus.INVALID_PARAMETER, "async requests are only CANCEL");
        }
        switch (request.command) {
            case SmbMessage.NEGOTIATE:
                return plain(sessions.negotiate(connection, request), null);
            case SmbMessage.SESSION_SETUP:
                return sessions.sessionSetup(connection, request);
            case SmbMessage.ECHO:
                request.requireStructureSize(4);
                return plain(SmbReply.empty(), key);
            case SmbMessage.CANCEL:
                return plain(SmbReply.empty(), null); // nothing is ever pending: no answer is sent
            default:
                break;
        }
        if (session == null || !session.authenticated()) {
            throw new SmbException(NtStatus.USER_SESSION_DELETED, "no such session");
        }
        if (request.command == SmbMessage.LOGOFF) {
            return plain(sessions.logoff(connection, request, session), key);
        }
        if (request.command == SmbMessage.TREE_CONNECT) {
            SmbTree tree = trees.connect(request, session);
            return new SmbConnection.Dispatched(SmbReply.ok(TreeCommands.connectBody()), key, tree.id(), null);
        }
        SmbTree tree = session.trees.get(treeId);
        if (tree == null) {
            throw new SmbException(NtStatus.NETWORK_NAME_DELETED, "no such tree");
        }
        SmbCall call = new SmbCall(connection, request, session, tree, relatedFileId);
        return switch (request.command) {
            case SmbMessage.TREE_DISCONNECT -> plain(trees.disconnect(call), key);
            case SmbMessage.CREATE -> {
                CreateCommand.Created created = create.create(call);
                SmbOpen open = created.open();
                yield new SmbConnection.Dispatched(CreateCommand.reply(created), key, 0,
                        new long[] {open.persistentId(), open.volatileId()});
            }
            case SmbMessage.CLOSE -> plain(files.close(call), key);
            case SmbMessage.FLUSH -> plain(files.flush(call), key);
            case SmbMessage.READ -> plain(files.read(call), key);
            case SmbMessage.WRITE -> plain(files.write(call), key);
            case SmbMessage.IOCTL -> plain(trees.ioctl(call), key);
            case SmbMessage.QUERY_DIRECTORY -> plain(directories.query(call), key);
            case SmbMessage.QUERY_INFO -> plain(info.query(call), key);
            case SmbMessage.SET_INFO -> plain(info.set(call), key);
            case SmbMessage.LOCK, SmbMessage.CHANGE_NOTIFY, SmbMessage.OPLOCK_BREAK ->
                    throw new SmbException(NtStatus.NOT_SUPPORTED, "not served");
            default -> throw new SmbException(NtStatus.INVALID_PARAMETER, "no such command");
        };
    }

    private static SmbConnection.Dispatched plain(SmbReply reply, byte[] key) {
        return new SmbConnection.Dispatched(reply, key, 0, null);
    }
}
