package io.handlestck.server.model;

/** What an SMB client states when it opens handles: how many, from where, with which rights. */
public record HandleSpec(int count, String clientIp, String clientName, long sessionId, AccessRights accessRights) {

    public HandleSpec withClientIp(String value) {
        return new HandleSpec(count, value, clientName, sessionId, accessRights);
    }

    public HandleSpec withClientName(String value) {
        return new HandleSpec(count, clientIp, value, sessionId, accessRights);
    }

    public HandleSpec withSessionId(long value) {
        return new HandleSpec(count, clientIp, clientName, value, accessRights);
    }

    public HandleSpec withAccessRights(AccessRights value) {
        return new HandleSpec(count, clientIp, clientName, sessionId, value);
    }
}
