package io.handlestck.kit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.result.Exchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of every answer accepts the recorded shape and refuses the mistakes an emulator makes. */
class ResponseRulesTest {

    private static final String ERROR_BODY = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ResourceNotFound</Code>"
            + "<Message>The specified resource does not exist.</Message></Error>";

    /** A recorded-shape 404 of List Handles, with a fresh request id. */
    private static Exchange notFound(Consumer<Map<String, List<String>>> request, Consumer<Map<String, List<String>>> answer) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("x-ms-version", List.of("2024-08-04"));
        sent.put("x-ms-client-request-id", List.of("client-7f3a-0001"));
        request.accept(sent);
        Map<String, List<String>> received = new LinkedHashMap<>();
        received.put("x-ms-request-id", List.of(UUID.randomUUID().toString()));
        received.put("x-ms-version", List.of("2024-08-04"));
        received.put("x-ms-client-request-id", List.of("client-7f3a-0001"));
        received.put("x-ms-error-code", List.of("ResourceNotFound"));
        received.put("Date", List.of("Thu, 06 Jun 2024 22:22:44 GMT"));
        answer.accept(received);
        return new Exchange("GET", "http://127.0.0.1:1/acct/share/missing?comp=listhandles", sent, "", 404, received,
                ERROR_BODY, 3);
    }

    @Test
    void theRecordedShapeKeepsEveryRule() {
        assertThat(ResponseRules.problem(notFound(sent -> { }, received -> { }))).isNull();
    }

    static Stream<Arguments> mistakes() {
        Consumer<Map<String, List<String>>> none = headers -> { };
        return Stream.of(
                Arguments.of("no request id", none, (Consumer<Map<String, List<String>>>) r -> r.remove("x-ms-request-id")),
                Arguments.of("request id is the client's", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("x-ms-request-id", List.of("client-7f3a-0001"))),
                Arguments.of("single-digit day", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("Date", List.of("Thu, 6 Jun 2024 22:22:44 GMT"))),
                Arguments.of("UTC instead of GMT", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("Date", List.of("Thu, 06 Jun 2024 22:22:44 UTC"))),
                Arguments.of("wrong weekday", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("Date", List.of("Fri, 06 Jun 2024 22:22:44 GMT"))),
                Arguments.of("ISO date", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("Date", List.of("2024-06-06T22:22:44Z"))),
                Arguments.of("version not echoed on 404", none, (Consumer<Map<String, List<String>>>) r -> r.remove("x-ms-version")),
                Arguments.of("another version echoed", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("x-ms-version", List.of("2025-05-05"))),
                Arguments.of("client id not echoed", none,
                        (Consumer<Map<String, List<String>>>) r -> r.remove("x-ms-client-request-id")),
                Arguments.of("over-long client id echoed",
                        (Consumer<Map<String, List<String>>>) s -> s.put("x-ms-client-request-id", List.of("r".repeat(1025))),
                        (Consumer<Map<String, List<String>>>) r -> r.put("x-ms-client-request-id", List.of("r".repeat(1025)))),
                Arguments.of("error without x-ms-error-code", none, (Consumer<Map<String, List<String>>>) r -> r.remove("x-ms-error-code")),
                Arguments.of("header code differs from body code", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("x-ms-error-code", List.of("ParentNotFound"))),
                Arguments.of("count with a sign", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("x-ms-number-of-handles-closed", List.of("+0"))),
                Arguments.of("count with a leading zero", none,
                        (Consumer<Map<String, List<String>>>) r -> r.put("x-ms-number-of-handles-failed", List.of("00"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsNamed(String mistake, Consumer<Map<String, List<String>>> request, Consumer<Map<String, List<String>>> answer) {
        assertThat(ResponseRules.problem(notFound(request, answer))).as(mistake).isNotNull();
    }

    @Test
    void aRequestIdGivenTwiceIsRefusedTheSecondTime() {
        String id = UUID.randomUUID().toString();
        Exchange first = notFound(sent -> { }, received -> received.put("x-ms-request-id", List.of(id)));
        Exchange second = notFound(sent -> { }, received -> received.put("x-ms-request-id", List.of(id)));

        assertThat(ResponseRules.problem(first)).isNull();
        assertThat(ResponseRules.problem(second)).contains("already given");
    }

    @Test
    void openTimeInAListingIsHeldToTheSameFormat() {
        Exchange listing = new Exchange("GET", "http://127.0.0.1:1/acct/share?comp=listhandles", Map.of(), "", 200,
                Map.of("x-ms-request-id", List.of(UUID.randomUUID().toString()), "Date", List.of("Thu, 06 Jun 2024 22:22:44 GMT")),
                "<EnumerationResults><Entries><Handle><OpenTime>Thu, 6 Jun 2024 22:22:44 GMT</OpenTime></Handle></Entries>"
                        + "</EnumerationResults>", 1);

        assertThat(ResponseRules.problem(listing)).contains("OpenTime");
    }
}
