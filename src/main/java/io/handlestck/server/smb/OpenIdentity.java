package io.handlestck.server.smb;

import io.handlestck.server.model.HandleSpec;

/**
 * What the SMB layer records about the client behind a new open, the identity List Handles reports
 * for it: the client's end of the connection, the workstation of its NTLM logon, its SMB2 session id
 * and the access its CREATE asked for. A strategy the server's SMB endpoint takes, so the record can
 * be swapped without the commands knowing why.
 */
@FunctionalInterface
public interface OpenIdentity {

    /** The service's rule: the handle carries exactly what the client stated. */
    OpenIdentity SERVICE = stated -> stated;

    /** The handle spec the model is given for an open whose client stated {@code stated}. */
    HandleSpec recorded(HandleSpec stated);
}
