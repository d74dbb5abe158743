package io.handlestck.fuzz;

import io.handlestck.kit.client.UrlPaths;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Makes the fuzzer's requests: a valid List Handles or Force Close Handles call on a path of the
 * fuzzed share, then one to three mutations of its method, path, query, headers, body, date or
 * authorization. Everything comes from one seeded {@link Random}, so a seed replays a run.
 */
final class RequestMutator {

    static final String VERSION = "2024-05-04";

    /** Values that break parsers: empty, blanks, signs, radixes, overflow, words, non-ASCII, escapes. */
    private static final List<String> NASTY_VALUES = List.of("", " ", "  1", "1 ", "0", "-1", "+1", "01", "1.0", "1e3",
            "0x10", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999",
            "true", "TRUE", "false", "yes", "*", "**", "* ", "null", "NaN", "∞", "é", "\u00ff", "\uFFFD", "日本",
            "%", "%2", "%zz", "%00", "%C3%28", "%C0%AF", "%2F", "%2A", "a,b", ",", ";", "\"quoted\"", "<x/>", "&amp;",
            "\\", "../..", "x".repeat(1025), "1".repeat(300), "!", "1!2!", "2!5!AAAA", "1!-1!AA");
    private static final List<String> METHODS = List.of("GET", "PUT", "HEAD", "DELETE", "POST", "PATCH", "OPTIONS",
            "get", "put", "TRACE", "MERGE", "BREW", "G-E-T");
    private static final List<String> COMP_VALUES = List.of("listhandles", "forceclosehandles", "ListHandles",
            "FORCECLOSEHANDLES", "list", "metadata", "properties", "", "listhandles ", "forceclosehandles%00",
            "list%68andles");
    private static final List<String> QUERY_NAMES = List.of("comp", "maxresults", "marker", "sharesnapshot", "timeout",
            "restype", "COMP", "MaxResults", "", "x", "comp%00", "%63omp", "snapshot");
    private static final List<String> HEADER_NAMES = List.of("x-ms-handle-id", "x-ms-recursive", "x-ms-marker",
            "x-ms-version", "x-ms-date", "x-ms-client-request-id", "Date", "Content-Type", "Content-MD5",
            "X-MS-HANDLE-ID", "x-ms-file-request-intent", "x-ms-allow-trailing-dot", "If-Match", "Range",
            "x-ms-type", "x-ms-delete-snapshots", "Transfer-Encoding", "Accept-Encoding", "x-ms-unknown");
    private static final List<String> VERSIONS = List.of("2024-05-04", "2019-07-07", "2018-11-09", "2020-04-08",
            "2026-02-06", "2099-01-01", "1999-01-01", "2024-5-4", "2024-05-04 ", "latest", "");
    private static final DateTimeFormatter RFC1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Random random;
    private final String account;
    private final String share;
    private final List<String> paths;
    private final List<String> snapshots = new ArrayList<>();
    private final List<String> handleIds = new ArrayList<>();
    private final List<String> markers = new ArrayList<>();
    private final List<Consumer<FuzzedRequest>> mutations = List.of(
            this::mutateMethod, this::mutatePath, this::mutatePath, this::mutateQueryValue, this::addQueryParameter,
            this::dropQueryParameter, this::mutateHeaderValue, this::mutateHeaderValue, this::addHeader,
            this::dropHeader, this::duplicateHeader, this::mutateDate, this::mutateVersion, this::mutateBody,
            this::mutateAuth, this::mutateAuth, this::mutateClientRequestId);

    /**
     * @param paths decoded paths below the share that exist ("" is the share root)
     */
    RequestMutator(long seed, String account, String share, List<String> paths) {
        this.random = new Random(seed);
        this.account = account;
        this.share = share;
        this.paths = List.copyOf(paths);
    }

    /** Snapshots of the share, handle ids and markers seen lately: mutated requests use real ones too. */
    void learn(List<String> snapshotValues, List<String> ids) {
        snapshots.clear();
        snapshots.addAll(snapshotValues);
        handleIds.clear();
        handleIds.addAll(ids);
    }

    void learnMarker(String marker) {
        if (marker != null && !marker.isEmpty()) {
            if (markers.size() >= 32) {
                markers.remove(0);
            }
            markers.add(marker);
        }
    }

    Random random() {
        return random;
    }

    /** A valid call, then one to three mutations (one request in twenty is sent unmutated). */
    FuzzedRequest next(String accountKey) {
        FuzzedRequest request = random.nextBoolean() ? listHandles() : forceClose();
        request.staleSignature = request.signature(account, accountKey, false);
        if (random.nextInt(20) != 0) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                pick(mutations).accept(request);
            }
        }
        return request;
    }

    private FuzzedRequest base(String method, String comp) {
        String path = pick(paths);
        FuzzedRequest request = new FuzzedRequest(method, "/" + account + "/" + UrlPaths.encodePath(
                path.isEmpty() ? share : share + "/" + path));
        request.query("comp", comp);
        if (!snapshots.isEmpty() && random.nextInt(4) == 0) {
            request.query("sharesnapshot", UrlPaths.encodeSegment(pick(snapshots)));
        }
        request.header("x-ms-version", VERSION);
        request.header("x-ms-date", RFC1123.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (random.nextInt(3) == 0) {
            request.header("x-ms-recursive", random.nextBoolean() ? "true" : "false");
        }
        if (random.nextInt(3) == 0) {
            request.header("x-ms-client-request-id", "fuzz-" + random.nextInt(1_000_000));
        }
        return request;
    }

    private FuzzedRequest listHandles() {
        FuzzedRequest request = base("GET", "listhandles");
        if (random.nextInt(3) == 0) {
            request.query("maxresults", Integer.toString(1 + random.nextInt(6)));
        }
        if (!markers.isEmpty() && random.nextInt(4) == 0) {
            request.query("marker", UrlPaths.encodeSegment(pick(markers)));
        }
        return request;
    }

    private FuzzedRequest forceClose() {
        FuzzedRequest request = base("PUT", "forceclosehandles");
        int choice = random.nextInt(4);
        String id = choice == 0 || handleIds.isEmpty() ? "*"
                : choice == 1 ? Long.toString(random.nextLong() & Long.MAX_VALUE) : pick(handleIds);
        request.header("x-ms-handle-id", id);
        if (!markers.isEmpty() && random.nextInt(6) == 0) {
            request.query("marker", UrlPaths.encodeSegment(pick(markers)));
        }
        return request;
    }

    // ---- mutations ------------------------------------------------------------------------------------------------

    private void mutateMethod(FuzzedRequest request) {
        request.method = pick(METHODS);
    }

    /** Every escaping problem a path can have, one at a time. */
    private void mutatePath(FuzzedRequest request) {
        String path = request.path;
        String prefix = "/" + account + "/" + share;
        String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        request.path = switch (random.nextInt(22)) {
            case 0 -> prefix + rest + "/";
            case 1 -> prefix + rest + "//";
            case 2 -> prefix + "/." + rest;
            case 3 -> prefix + rest + "/..";
            case 4 -> prefix + "/%2E%2E" + rest;
            case 5 -> prefix + rest.replace("/", "%2F");
            case 6 -> prefix + rest.replace("/", "%5C");
            case 7 -> prefix + rest + "%";
            case 8 -> prefix + rest + "%zz";
            case 9 -> prefix + rest + "%00";
            case 10 -> prefix + rest + "%C3%28";
            case 11 -> prefix + rest + "%C0%AF";
            case 12 -> prefix + rest + "/" + "n".repeat(300);
            case 13 -> prefix + rest + "/" + "d/".repeat(260) + "x";
            case 14 -> prefix + rest + "/\u00e9t\u00e9";
            case 15 -> prefix + rest + ".";
            case 16 -> prefix + rest + "/%20";
            case 17 -> prefix + rest + "/a%2Fb";
            case 18 -> "/" + account.toUpperCase(Locale.ROOT) + "/" + share + rest;
            case 19 -> "/" + account + "/" + share.toUpperCase(Locale.ROOT) + rest;
            case 20 -> "/" + account + rest;
            default -> prefix + rest + "/missing-" + random.nextInt(100);
        };
    }

    private void mutateQueryValue(FuzzedRequest request) {
        if (request.query.isEmpty()) {
            addQueryParameter(request);
            return;
        }
        String[] parameter = request.query.get(random.nextInt(request.query.size()));
        parameter[1] = parameter[0].equals("comp") && random.nextBoolean() ? pick(COMP_VALUES)
                : random.nextInt(8) == 0 ? null : encodedNasty();
    }

    private void addQueryParameter(FuzzedRequest request) {
        String name = pick(QUERY_NAMES);
        String value = switch (name) {
            case "comp", "COMP" -> pick(COMP_VALUES);
            case "restype" -> random.nextBoolean() ? "directory" : "file";
            case "sharesnapshot", "snapshot" -> snapshots.isEmpty() || random.nextBoolean() ? encodedNasty()
                    : UrlPaths.encodeSegment(pick(snapshots));
            case "marker" -> markers.isEmpty() || random.nextBoolean() ? encodedNasty() : UrlPaths.encodeSegment(pick(markers));
            default -> encodedNasty();
        };
        request.query(name, value);
    }

    private void dropQueryParameter(FuzzedRequest request) {
        if (!request.query.isEmpty()) {
            request.query.remove(random.nextInt(request.query.size()));
        }
    }

    private void mutateHeaderValue(FuzzedRequest request) {
        if (request.headers.isEmpty()) {
            addHeader(request);
            return;
        }
        request.headers.get(random.nextInt(request.headers.size()))[1] = pick(NASTY_VALUES);
    }

    private void addHeader(FuzzedRequest request) {
        request.header(pick(HEADER_NAMES), pick(NASTY_VALUES));
    }

    private void dropHeader(FuzzedRequest request) {
        if (!request.headers.isEmpty()) {
            request.headers.remove(random.nextInt(request.headers.size()));
        }
    }

    private void duplicateHeader(FuzzedRequest request) {
        if (!request.headers.isEmpty()) {
            String[] header = request.headers.get(random.nextInt(request.headers.size()));
            request.header(random.nextBoolean() ? header[0] : header[0].toUpperCase(Locale.ROOT),
                    random.nextBoolean() ? header[1] : pick(NASTY_VALUES));
        }
    }

    private void mutateDate(FuzzedRequest request) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String date = switch (random.nextInt(9)) {
            case 0 -> RFC1123.format(now.minusMinutes(16));
            case 1 -> RFC1123.format(now.plusMinutes(16));
            case 2 -> now.toInstant().toString();
            case 3 -> RFC1123.format(now).replace("GMT", "UTC");
            case 4 -> DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).format(now);
            case 5 -> RFC1123.format(now).toLowerCase(Locale.ROOT);
            case 6 -> "Sun, 06 Nov 1994 08:49:37 GMT";
            case 7 -> "";
            default -> pick(NASTY_VALUES);
        };
        if (random.nextBoolean()) {
            request.replaceHeader("x-ms-date", date);
        } else {
            request.replaceHeader("x-ms-date", null);
            request.replaceHeader("Date", date);
        }
    }

    private void mutateVersion(FuzzedRequest request) {
        request.replaceHeader("x-ms-version", random.nextInt(6) == 0 ? null : pick(VERSIONS));
    }

    private void mutateBody(FuzzedRequest request) {
        byte[] body = switch (random.nextInt(4)) {
            case 0 -> "<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8);
            case 1 -> "{\"share\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[1 + random.nextInt(4096)];
            default -> {
                byte[] noise = new byte[1 + random.nextInt(512)];
                random.nextBytes(noise);
                yield noise;
            }
        };
        request.body = body;
    }

    private void mutateAuth(FuzzedRequest request) {
        FuzzedRequest.Auth[] schemes = FuzzedRequest.Auth.values();
        request.auth = schemes[random.nextInt(schemes.length)];
        request.garbageAuthorization = switch (random.nextInt(6)) {
            case 0 -> "Bearer";
            case 1 -> "Bearer " + "e".repeat(40);
            case 2 -> "SharedKey";
            case 3 -> "SharedKey " + account;
            case 4 -> "SharedKey " + account + ":";
            default -> "SharedKey :" + "A".repeat(44);
        };
    }

    private void mutateClientRequestId(FuzzedRequest request) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 1024;
            case 1 -> 1025;
            case 2 -> 0;
            default -> 1 + random.nextInt(2000);
        };
        request.replaceHeader("x-ms-client-request-id", "r".repeat(length));
    }

    private String encodedNasty() {
        String value = pick(NASTY_VALUES);
        // Half the values go as they are (broken escapes reach the server), half properly encoded.
        return random.nextBoolean() ? value.replace(" ", "%20").replace("&", "%26").replace("#", "%23")
                : UrlPaths.encodeSegment(value);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
