package io.handlestck.kit.rules;

import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.result.Exchange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every answer of the File service keeps, whatever the operation and whether it succeeded,
 * checked on every exchange the kit makes (so a case that looks at one thing cannot miss another):
 * <ul>
 *   <li>{@code x-ms-request-id} once, not empty, never seen before in this run, and not made from anything
 *       the client sent (it is not the {@code x-ms-client-request-id});</li>
 *   <li>{@code Date} once, as an IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}: two-digit day, the
 *       right weekday, {@code GMT}), parsed without leniency; List Handles' {@code OpenTime} and
 *       {@code LastReconnectTime} alike;</li>
 *   <li>{@code x-ms-version} echoed exactly as sent on a success and on 404 and 409 errors (the recorded
 *       ShareSnapshotNotFound and ResourceNotFound answers echo it); on other errors, if present, the one sent;</li>
 *   <li>{@code x-ms-client-request-id} echoed exactly when it was sent with at most 1024 visible ASCII
 *       characters, and not echoed when it was longer (spec: Force Close and List Handles response headers);</li>
 *   <li>every error carries {@code x-ms-error-code}; its XML body's {@code <Code>} is the same;</li>
 *   <li>{@code x-ms-number-of-handles-closed} and {@code -failed} canonical decimals.</li>
 * </ul>
 * The rules are checked on the answers of the two operations under test, List Handles and Force Close
 * Handles, whatever their outcome; the share, file and fixture calls that set a case up are the
 * target's business only as far as the case needs them.
 */
public final class ResponseRules {

    /** The client request id length the service accepts (swagger: "1 KiB character limit"). */
    public static final int CLIENT_REQUEST_ID_LIMIT = 1024;

    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([0-9]{4}) "
                    + "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] GMT");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");
    private static final Pattern CANONICAL_COUNT = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern BODY_TIME = Pattern.compile("<(OpenTime|LastReconnectTime)>([^<]*)</\\1>");
    private static final Pattern ERROR_CODE = Pattern.compile("<Error>\\s*<Code>([^<]*)</Code>");
    /** Ids seen in this run; bounded, so that a run of millions of requests cannot fill the heap. */
    private static final Set<String> SEEN_REQUEST_IDS = ConcurrentHashMap.newKeySet();
    private static final int SEEN_LIMIT = 500_000;

    private ResponseRules() {
    }

    /**
     * Checks one exchange.
     *
     * @throws AssertionError naming the rule, the request and the answer, when a rule is broken
     */
    public static void check(Exchange exchange) {
        if (!handleOperation(exchange.url())) {
            return;
        }
        String problem = problem(exchange);
        if (problem != null) {
            throw new AssertionError(problem + " (rule of every answer; " + exchange.method() + " " + exchange.url()
                    + " answered " + exchange.status() + ")");
        }
    }

    /** The first rule the exchange breaks, or null. */
    static String problem(Exchange exchange) {
        int status = exchange.status();
        String sentClientId = first(exchange.requestHeaders(), "x-ms-client-request-id");
        String problem = requestIdProblem(exchange, sentClientId);
        if (problem == null) {
            problem = dateProblem(exchange);
        }
        if (problem == null) {
            problem = versionProblem(exchange);
        }
        if (problem == null && sentClientId != null) {
            problem = clientRequestIdProblem(exchange, sentClientId);
        }
        if (problem == null && status >= 400) {
            problem = errorProblem(exchange);
        }
        for (String header : List.of("x-ms-number-of-handles-closed", "x-ms-number-of-handles-failed")) {
            String count = first(exchange.responseHeaders(), header);
            if (problem == null && count != null && !CANONICAL_COUNT.matcher(count).matches()) {
                problem = header + " is not a canonical decimal count: \"" + count + "\"";
            }
        }
        return problem;
    }

    private static String requestIdProblem(Exchange exchange, String sentClientId) {
        List<String> ids = all(exchange.responseHeaders(), "x-ms-request-id");
        if (ids.size() != 1 || ids.get(0).isBlank()) {
            return "x-ms-request-id must appear once, not empty; it appears as " + ids;
        }
        String id = ids.get(0);
        // Equal to, or (for a value long enough not to occur by chance) containing, what the client sent.
        if (sentClientId != null && (id.equals(sentClientId) || sentClientId.length() >= 8 && id.contains(sentClientId))) {
            return "x-ms-request-id \"" + id + "\" is made from the client's x-ms-client-request-id";
        }
        if (SEEN_REQUEST_IDS.size() > SEEN_LIMIT) {
            SEEN_REQUEST_IDS.clear();
        }
        if (!SEEN_REQUEST_IDS.add(id)) {
            return "x-ms-request-id \"" + id + "\" was already given to an earlier answer";
        }
        return null;
    }

    private static String dateProblem(Exchange exchange) {
        List<String> dates = all(exchange.responseHeaders(), "Date");
        if (dates.size() != 1) {
            return "Date must appear once; it appears as " + dates;
        }
        String problem = imfFixdateProblem("Date", dates.get(0));
        if (problem == null && exchange.responseBody() != null && exchange.status() == 200) {
            Matcher times = BODY_TIME.matcher(exchange.responseBody());
            while (problem == null && times.find()) {
                problem = imfFixdateProblem(times.group(1), times.group(2));
            }
        }
        return problem;
    }

    /** Null when {@code value} is an IMF-fixdate whose weekday is that of its date; else what is wrong. */
    public static String imfFixdateProblem(String what, String value) {
        Matcher date = IMF_FIXDATE.matcher(value);
        if (!date.matches()) {
            return what + " \"" + value + "\" is not an IMF-fixdate (e.g. Sun, 06 Nov 1994 08:49:37 GMT)";
        }
        LocalDate day;
        try {
            day = LocalDate.of(Integer.parseInt(date.group(4)), MONTHS.indexOf(date.group(3)) + 1,
                    Integer.parseInt(date.group(2)));
        } catch (java.time.DateTimeException e) {
            return what + " \"" + value + "\" names a day that does not exist";
        }
        DayOfWeek weekday = day.getDayOfWeek();
        if (!weekday.getDisplayName(TextStyle.SHORT, Locale.ROOT).equals(date.group(1))) {
            return what + " \"" + value + "\" names the wrong weekday (" + day + " is a " + weekday + ")";
        }
        return null;
    }

    private static String versionProblem(Exchange exchange) {
        String sent = first(exchange.requestHeaders(), "x-ms-version");
        if (sent == null) {
            return null;
        }
        List<String> echoed = all(exchange.responseHeaders(), "x-ms-version");
        int status = exchange.status();
        boolean required = status < 400 || status == 404 || status == 409;
        if (required && (echoed.size() != 1 || !echoed.get(0).equals(sent))) {
            return "x-ms-version \"" + sent + "\" was sent, the answer echoes " + echoed;
        }
        if (!required && !echoed.isEmpty() && !(echoed.size() == 1 && echoed.get(0).equals(sent.strip()))) {
            return "x-ms-version \"" + sent + "\" was sent, the error answer carries another: " + echoed;
        }
        return null;
    }

    private static String clientRequestIdProblem(Exchange exchange, String sent) {
        List<String> echoed = all(exchange.responseHeaders(), "x-ms-client-request-id");
        if (sent.length() > CLIENT_REQUEST_ID_LIMIT) {
            return echoed.isEmpty() ? null : "x-ms-client-request-id of " + sent.length()
                    + " characters is over the " + CLIENT_REQUEST_ID_LIMIT + "-character limit and must not be echoed";
        }
        // The echo is promised for "at most 1024 visible ASCII characters"; other values promise nothing.
        if (!sent.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return null;
        }
        if (echoed.size() != 1 || !echoed.get(0).equals(sent)) {
            return "x-ms-client-request-id of " + sent.length() + " characters was sent, the answer echoes "
                    + (echoed.size() == 1 && echoed.get(0).length() > 80 ? echoed.get(0).length() + " characters" : echoed);
        }
        return null;
    }

    private static String errorProblem(Exchange exchange) {
        String code = first(exchange.responseHeaders(), "x-ms-error-code");
        if (code == null || code.isEmpty()) {
            return "an error answer without x-ms-error-code";
        }
        String body = exchange.responseBody();
        if (exchange.method().equals("HEAD") || body == null || body.isEmpty()) {
            return null;
        }
        Matcher bodyCode = ERROR_CODE.matcher(body);
        if (!bodyCode.find()) {
            return "the error body is not an <Error> with its <Code> first";
        }
        if (!bodyCode.group(1).equals(code)) {
            return "x-ms-error-code is " + code + " but the body's <Code> is " + bodyCode.group(1);
        }
        return null;
    }

    /** True for List Handles and Force Close Handles calls, the operations whose answers the rules are about. */
    static boolean handleOperation(String url) {
        return HandleOperation.addressedBy(url).isPresent();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = all(headers, name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return List.of();
    }
}
