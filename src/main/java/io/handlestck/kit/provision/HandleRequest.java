package io.handlestck.kit.provision;

import java.util.List;
import java.util.Objects;

/**
 * What a case needs opened: {@code count} handles on one file or directory of its share. Only
 * {@code share} and {@code path} are required; the rest let cases check that List Handles reports
 * what the client really was, and what a Force Close does to an open with a pending delete.
 *
 * @param path          relative to the share root, {@code ""} for the root directory
 * @param snapshot      open on this share snapshot instead of the live share, or null
 * @param clientIp      {@code ip:port} the handle should appear to come from, or null for the provisioner's choice
 * @param sessionId     the SMB session id the handles should carry, or null for the provisioner's choice: a
 *                      client no earlier request named then opens in a session of its own (the fixture protocol
 *                      gives every such request a new session, a real SMB client logs on once per workstation)
 * @param accessRights  subset of {@code Read}, {@code Write}, {@code Delete}; empty for the provisioner's choice
 * @param deleteOnClose open with FILE_DELETE_ON_CLOSE, as an SMB client deleting the file does; only a
 *                      provisioner with {@link Capability#DELETE_ON_CLOSE} can, others refuse the request
 */
public record HandleRequest(String share, String path, String snapshot, int count, String clientIp,
                            String clientName, String sessionId, List<String> accessRights, boolean deleteOnClose) {

    public HandleRequest {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(path, "path");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        accessRights = accessRights == null ? List.of() : List.copyOf(accessRights);
    }

    /** A request without delete-on-close: the form vendors' code written before that flag existed uses. */
    public HandleRequest(String share, String path, String snapshot, int count, String clientIp, String clientName,
                         String sessionId, List<String> accessRights) {
        this(share, path, snapshot, count, clientIp, clientName, sessionId, accessRights, false);
    }

    /** One handle on {@code path} of the live share, everything else at the provisioner's choice. */
    public static HandleRequest on(String share, String path) {
        return new HandleRequest(share, path, null, 1, null, null, null, List.of(), false);
    }

    public HandleRequest count(int handles) {
        return new HandleRequest(share, path, snapshot, handles, clientIp, clientName, sessionId, accessRights,
                deleteOnClose);
    }

    public HandleRequest snapshot(String shareSnapshot) {
        return new HandleRequest(share, path, shareSnapshot, count, clientIp, clientName, sessionId, accessRights,
                deleteOnClose);
    }

    public HandleRequest client(String ipAndPort, String name) {
        return new HandleRequest(share, path, snapshot, count, ipAndPort, name, sessionId, accessRights, deleteOnClose);
    }

    public HandleRequest session(String id) {
        return new HandleRequest(share, path, snapshot, count, clientIp, clientName, id, accessRights, deleteOnClose);
    }

    public HandleRequest accessRights(String... rights) {
        return new HandleRequest(share, path, snapshot, count, clientIp, clientName, sessionId, List.of(rights),
                deleteOnClose);
    }

    /** The same request with or without FILE_DELETE_ON_CLOSE: whether the handle's own close deletes the file. */
    public HandleRequest deleteOnClose(boolean pendingDelete) {
        return new HandleRequest(share, path, snapshot, count, clientIp, clientName, sessionId, accessRights,
                pendingDelete);
    }
}
