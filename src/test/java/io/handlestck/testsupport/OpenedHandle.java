package io.handlestck.testsupport;

/** A handle opened through the Handle Fixture Protocol, as the {@code POST $fixtures/handles} answer describes it. */
public record OpenedHandle(String handleId, String path, String fileId, String parentId, String sessionId) {
}
