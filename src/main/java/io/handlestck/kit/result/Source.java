package io.handlestck.kit.result;

/**
 * Where a case's expectation comes from: the sentence of the seed document it enforces, a swagger
 * field, or a recorded real-service response.
 *
 * @param kind     {@code spec}, {@code swagger}, {@code recording} or {@code doc}
 * @param ref      a file and section, a repository path or a URL
 * @param text     the quoted sentence or a summary of the recorded answer
 */
public record Source(String kind, String ref, String text) {
}
