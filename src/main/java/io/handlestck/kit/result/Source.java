package io.handlestck.kit.result;

/**
 * Where a case's expectation comes from: the sentence of the seed document it enforces, a swagger
 * field, or a recorded real-service response.
 *
 * @param kind     {@code spec}, {@code swagger}, {@code recording} or {@code doc}
 * @param ref      a note of the project and its section, {@code sources/FILE.md (Section)} or
 *                 {@code sources/FILE.md §N}, resolving inside {@code suites/sources/} (shipped in the jar);
 *                 what follows in parentheses names the public source the note cites
 * @param text     the quoted sentence, or a summary of a recorded answer; a text in the project's own
 *                 words, not a quotation, starts with {@code (paraphrase)}
 */
public record Source(String kind, String ref, String text) {
}
