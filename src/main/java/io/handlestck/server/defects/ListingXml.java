package io.handlestck.server.defects;

import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the text of a successful List Handles answer, as a fault that writes the body differently
 * would have written it. The body is the server's own: element text is escaped and carries no
 * {@code <}, so a pattern over tags finds exactly the elements it names.
 */
final class ListingXml {

    private ListingXml() {
    }

    /** Applies the edit to the XML text of a 200 List Handles answer (its byte order mark, if any, kept). */
    static void edit(ServiceRequest request, Reply answer, UnaryOperator<String> edit) {
        if (!Exchanges.succeeded(request, Exchanges.LIST_HANDLES, answer)) {
            return;
        }
        String xml = new String(answer.body(), StandardCharsets.UTF_8);
        answer.body(answer.contentType(), edit.apply(xml).getBytes(StandardCharsets.UTF_8));
    }

    /** Every match of the pattern replaced by what the function makes of it (taken literally). */
    static String replaceEach(String xml, Pattern pattern, Function<MatchResult, String> replacement) {
        return pattern.matcher(xml).replaceAll(match -> Matcher.quoteReplacement(replacement.apply(match)));
    }
}
