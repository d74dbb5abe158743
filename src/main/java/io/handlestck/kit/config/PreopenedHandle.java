package io.handlestck.kit.config;

/**
 * A handle that someone opened out of band (an SMB client the kit cannot drive) and listed in the
 * config file for the {@code preopened} provisioner. The kit only reads such handles; it never closes them.
 *
 * @param path     relative to the share root, {@code ""} for the root directory
 * @param snapshot the share snapshot it was opened on, or null for the live share
 */
public record PreopenedHandle(String share, String path, String handleId, String snapshot) {
}
