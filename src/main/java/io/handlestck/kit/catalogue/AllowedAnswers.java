package io.handlestck.kit.catalogue;

import java.util.List;

/**
 * A set of answers the specification leaves open (for example the error codes a target may choose
 * for {@code x-ms-recursive} on a file), kept as data so that the reason for each is citable.
 *
 * @param values the accepted answers, compared as strings
 * @param source why these and only these are accepted
 */
public record AllowedAnswers(List<String> values, String source) {
    public AllowedAnswers {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
