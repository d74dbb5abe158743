package io.handlestck.server.model;

/**
 * Whether the open handles of a scope block a change to the tree (a delete, a rename, a file
 * re-created over itself). A strategy the {@link Namespace} takes from its {@link Account}, so the
 * rule can be swapped without the tree code knowing why.
 */
@FunctionalInterface
public interface OpenHandleRule {

    /** The service's rule: any open handle in the scope blocks the change with 409 SharingViolation. */
    OpenHandleRule SERVICE = HandleIndex::hasOpen;

    boolean blocks(HandleIndex handles, HandleIndex.Scope scope);
}
