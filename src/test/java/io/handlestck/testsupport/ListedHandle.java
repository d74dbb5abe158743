package io.handlestck.testsupport;

import java.util.List;

/**
 * One {@code <Handle>} of a List Handles body. Optional elements are null when absent;
 * {@code accessRights} is null when there is no {@code <AccessRightList>} at all.
 */
public record ListedHandle(String handleId, String path, boolean pathEncoded, String fileId, String parentId,
                           String sessionId, List<String> accessRights, String clientIp, String clientName,
                           String openTime, List<String> elementOrder) {
}
