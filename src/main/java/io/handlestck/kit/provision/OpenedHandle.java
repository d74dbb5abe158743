package io.handlestck.kit.provision;

/**
 * A handle a provisioner opened (or found) for a case.
 *
 * @param path     relative to the share root, {@code ""} for the root directory
 * @param snapshot the share snapshot it is open on, or null for the live share
 * @param fileId   as the target reports it, or null when the provisioner cannot tell
 * @param parentId as the target reports it, or null when the provisioner cannot tell
 */
public record OpenedHandle(String handleId, String share, String path, String snapshot, String fileId,
                           String parentId, String sessionId) {
}
