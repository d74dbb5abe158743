package io.handlestck.server.model;

/** What an SMB client states when it opens handles: how many, from where, with which rights. */
public record HandleSpec(int count, String clientIp, String clientName, long sessionId, AccessRights accessRights) {
}
