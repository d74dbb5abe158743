package io.handlestck.kit.provision;

/** What the SMB client that holds a handle would see. */
public enum HandleState {
    /** The handle is usable. */
    OPEN,
    /** The client closed it itself. */
    CLOSED,
    /** The service closed it under the client (Force Close Handles): the client's next I/O fails. */
    FORCE_CLOSED
}
