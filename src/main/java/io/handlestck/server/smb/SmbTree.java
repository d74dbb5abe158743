package io.handlestck.server.smb;

import io.handlestck.server.model.Share;

/** A tree connect: the share a session reached with {@code \\server\share}. */
record SmbTree(int id, Share share) {
}
