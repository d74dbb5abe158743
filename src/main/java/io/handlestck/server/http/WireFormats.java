package io.handlestck.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The date formats the service writes: RFC 1123 for headers and OpenTime, 7-digit ISO-8601 for times in bodies and snapshots. */
public final class WireFormats {

    /** Always two-digit days ({@code Wed, 07 Jun 2023 ...}), as the service sends; the JDK's RFC_1123 constant drops the zero. */
    private static final DateTimeFormatter RFC1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_7 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The {@code Date} header of the current second, formatted once per second rather than per response. */
    private static volatile FormattedSecond now = new FormattedSecond(Long.MIN_VALUE, "");

    private record FormattedSecond(long epochSecond, String text) {
    }

    private WireFormats() {
    }

    /** The RFC 1123 form of the current time, for the {@code Date} header of every response. */
    public static String rfc1123Now() {
        long second = System.currentTimeMillis() / 1000;
        FormattedSecond current = now;
        if (current.epochSecond() != second) {
            current = new FormattedSecond(second, rfc1123(Instant.ofEpochSecond(second)));
            now = current;
        }
        return current.text();
    }

    public static String rfc1123(Instant instant) {
        return RFC1123.format(instant);
    }

    public static String iso7(Instant instant) {
        return ISO_7.format(instant);
    }

    /** Parses a request's {@code x-ms-date}/{@code Date}; empty when it is not an RFC 1123 date. */
    public static Optional<Instant> parseRfc1123(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses an ISO-8601 UTC instant such as a share snapshot id; empty when malformed. */
    public static Optional<Instant> parseIso(String value) {
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Percent-decodes a URL path ({@code +} stays a plus sign, as in a URL path).
     *
     * @throws IllegalArgumentException on a malformed escape
     */
    public static String decodePath(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Percent-decodes a query name or value ({@code +} is a space, as the SDKs and Azurite read it).
     *
     * @throws IllegalArgumentException on a malformed escape
     */
    public static String decodeQueryComponent(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
