package io.handlestck.kit.result;

/**
 * The endpoint a run certified.
 *
 * @param serverHeader the {@code Server} response header the target sent, if any
 * @param product      product name and version as the user configured them, if any
 * @param provisioner  how handles were opened: {@code fixture}, {@code smb}, {@code none} or a vendor's
 */
public record TargetInfo(String endpoint, String account, String serverHeader, String product, String provisioner) {
}
