package io.handlestck.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Turns the figures of one bench/run.sh run into bench/results/latest.md (and prints it): the
 * machine, every figure, every ratio, and where each target of the benchmark issue stands. A figure
 * that a failed phase did not produce shows as "not measured", never as a number.
 *
 * <p>Usage: {@code BenchReport FIGURES_FILE LATEST_MD [HISTORY_MD]}; the optional history file (the
 * before/after figures of performance fixes, kept by hand) is appended as it is.
 */
public final class BenchReport {

    private static final int[] CONNECTIONS = {1, 16, 64};
    private static final String NOT_MEASURED = "not measured";
    private static final List<String> PHASES = List.of("start", "http", "scale", "kit", "concurrency", "smb", "end");
    /** Above this share of the cores taken by others before a phase, the report says the machine was busy. */
    private static final double BUSY_PERCENT = 20;
    /** bench/run.sh times each CLI command this many times, alternating them; the report takes medians. */
    private static final int CLI_REPEATS = 3;
    private static final String LAUNCHER = "kit.cli.launcher";
    private static final String PLAIN_JAVA = "kit.cli.plain";

    private final Properties figures;
    private final StringBuilder out = new StringBuilder();

    private BenchReport(Properties figures) {
        this.figures = figures;
    }

    public static void main(String[] args) throws IOException {
        Properties figures = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            figures.load(reader);
        }
        Path history = args.length > 2 ? Path.of(args[2]) : null;
        String markdown = render(figures, history != null && Files.exists(history)
                ? Files.readString(history, StandardCharsets.UTF_8) : null);
        Files.writeString(Path.of(args[1]), markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
    }

    /** The whole report; {@code history} (may be null) is appended as it is. */
    static String render(Properties figures, String history) {
        BenchReport report = new BenchReport(figures);
        report.renderSections(history);
        return report.out.toString();
    }

    private void renderSections(String history) {
        line("# Benchmarks: latest run");
        line("");
        line("Written by `bench/run.sh` on " + text("machine.date") + ". Every figure below comes from that one run on one machine.");
        line("");
        machine();
        targets();
        http();
        scale();
        kit();
        concurrency();
        smb();
        failures();
        if (history != null) {
            line("");
            out.append(history);
        }
    }

    private void machine() {
        line("## Machine");
        line("");
        line("| | |");
        line("|---|---|");
        line("| CPU | " + text("machine.cpu") + ", " + text("machine.nproc") + " cores |");
        line("| memory | " + text("machine.memory") + " |");
        line("| Java | " + text("machine.java") + " |");
        line("| tools | " + text("machine.wrk") + ", nginx " + text("machine.nginx") + ", Azurite " + text("machine.azurite")
                + " on Node " + text("machine.node") + " |");
        line("| load (1-min average) before each phase | " + perPhase("machine.load1.") + " |");
        line("| CPU taken by other work before each phase (% of all cores, 1 s sample) | " + perPhase("machine.others_cpu.") + " |");
        line("| whole run | " + text("bench.total_s") + " s, at niceness " + text("machine.niceness")
                + " (every process of the run: servers, wrk and drivers alike) |");
        line("");
        double busiest = 0;
        for (String phase : PHASES) {
            double others = number("machine.others_cpu." + phase);
            if (!Double.isNaN(others)) {
                busiest = Math.max(busiest, others);
            }
        }
        if (busiest > BUSY_PERCENT) {
            line("**The machine was busy**: other work took up to " + format(busiest) + "% of the "
                    + text("machine.nproc") + " cores just before a phase. Every figure here is a lower bound of what "
                    + "the same machine does idle, and the ratios are only as fair as the load was even.");
            line("");
        }
    }

    private String perPhase(String prefix) {
        StringBuilder row = new StringBuilder();
        for (String phase : PHASES) {
            if (row.length() > 0) {
                row.append(", ");
            }
            row.append(phase).append(' ').append(text(prefix + phase));
        }
        return row.toString();
    }

    private void targets() {
        line("## Targets");
        line("");
        line("| target | measured | status |");
        line("|---|---|---|");
        for (String request : List.of("fch", "list10")) {
            String ours = "http.ours." + request + ".c16";
            target("throughput ≥ 3× Azurite at 16 connections (" + requestName(request) + ")",
                    httpRatio(ours, "http.azurite.getcontainer.c16"), 3, true, "×");
            target("throughput ≥ 0.5× nginx at 16 connections (" + requestName(request) + ")",
                    httpRatio(ours, "http.nginx." + (request.equals("fch") ? "empty" : "list10") + ".c16"), 0.5, true, "×");
        }
        target("1,000,000 handles force-closed in ≤ 1 s", number("scale.n1000000.close_total_ms") / 1000, 1, false, " s");
        target("≤ 200 bytes of heap per open handle (n = 10^6)", number("scale.n1000000.heap_bytes_per_handle"), 200, false, " B");
        target("5,000-entry List Handles page ≤ 10 ms at n = 10^6 (slowest of start, middle, end)",
                max(number("scale.n1000000.list_start_ms"), number("scale.n1000000.list_middle_ms"),
                        number("scale.n1000000.list_end_ms")), 10, false, " ms");
        target("full certification run as the README's first command runs it (`bin/handles-tck run`, JVM start "
                + "included) ≤ 4 s wall (median of " + CLI_REPEATS + ")", median(LAUNCHER, "wall_ms") / 1000, 4, false, " s");
        target("the same run ≤ 6 s of CPU, user + sys (median of " + CLI_REPEATS + ")",
                median(LAUNCHER, "cpu_ms") / 1000, 6, false, " s");
        int smallest = smallestSize();
        target("List Handles page cost flat: n = 10^6 vs 10^" + (int) Math.log10(smallest) + " ≤ 2×",
                ratio("scale.n1000000.list_middle_ms", "scale.n" + smallest + ".list_middle_ms"), 2, false, "×");
        target("Force Close call cost flat: n = 10^6 vs 10^" + (int) Math.log10(smallest) + " ≤ 2×",
                ratio("scale.n1000000.close_per_call_ms", "scale.n" + smallest + ".close_per_call_ms"), 2, false, "×");
        String addsUp = figures.getProperty("concurrency.t16.counts_add_up");
        line("| 16 threads: counts add up exactly | " + (addsUp == null ? NOT_MEASURED
                : "opened " + text("concurrency.t16.opened") + ", closed " + text("concurrency.t16.closed")
                + ", left " + text("concurrency.t16.left_listed")) + " | "
                + (addsUp == null ? NOT_MEASURED : addsUp.equals("true") ? "met" : "**NOT met**") + " |");
        line("");
    }

    private void target(String name, double measured, double limit, boolean atLeast, String unit) {
        String status = Double.isNaN(measured) ? NOT_MEASURED
                : (atLeast ? measured >= limit : measured <= limit) ? "met" : "**NOT met**";
        line("| " + name + " | " + (Double.isNaN(measured) ? NOT_MEASURED : format(measured) + unit) + " | " + status + " |");
    }

    private void http() {
        line("## 1. HTTP throughput and latency (wrk, keep-alive, loopback)");
        line("");
        line("Each request is signed once and replayed (SharedKey has no nonce). Body of the List Handles answer: "
                + text("http.list10.body_bytes") + " bytes; nginx serves a static body of exactly that size, and an empty one "
                + "for the Force Close comparison. A run with errors (non-2xx answers or socket errors) gives no ratio.");
        line("");
        line("| server and request | connections | requests/s | p50 ms | p99 ms | errors |");
        line("|---|---|---|---|---|---|");
        String[][] rows = {
                {"ours", "fch", "reference server: Force Close Handles, file without handles"},
                {"ours", "list10", "reference server: List Handles, file with 10 handles"},
                {"azurite", "getcontainer", "Azurite: Get Container Properties (blob)"},
                {"nginx", "empty", "nginx: static 200, empty body"},
                {"nginx", "list10", "nginx: static 200, List Handles-sized body"}};
        for (String[] row : rows) {
            for (int c : CONNECTIONS) {
                String key = "http." + row[0] + "." + row[1] + ".c" + c + ".";
                line("| " + row[2] + " | " + c + " | " + text(key + "rps") + " | " + text(key + "p50_ms") + " | "
                        + text(key + "p99_ms") + " | " + text(key + "errors") + " |");
            }
        }
        line("");
        line("| ratio of requests/s | 1 | 16 | 64 |");
        line("|---|---|---|---|");
        ratioRow("Force Close (ours) / Azurite", "http.ours.fch", "http.azurite.getcontainer");
        ratioRow("List Handles (ours) / Azurite", "http.ours.list10", "http.azurite.getcontainer");
        ratioRow("Force Close (ours) / nginx empty", "http.ours.fch", "http.nginx.empty");
        ratioRow("List Handles (ours) / nginx same size", "http.ours.list10", "http.nginx.list10");
        line("");
        String[][] pairs = {{"Force Close / nginx", "http.ours.fch.c16", "http.nginx.empty.c16"},
                {"List Handles / nginx", "http.ours.list10.c16", "http.nginx.list10.c16"}};
        StringBuilder rounds = new StringBuilder();
        for (String[] pair : pairs) {
            double[] ratios = roundRatios(pair[1], pair[2]);
            if (ratios.length > 0) {
                rounds.append(rounds.length() == 0 ? "" : "; ").append(pair[0]).append(' ').append(Arrays.stream(ratios)
                        .mapToObj(BenchReport::ratioText).collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        if (rounds.length() > 0) {
            line("At 16 connections the figures are medians of rounds that ran every server back to back; each round's ratio: "
                    + rounds + ".");
            line("");
        }
    }

    private void ratioRow(String name, String numerator, String denominator) {
        StringBuilder row = new StringBuilder("| " + name);
        for (int c : CONNECTIONS) {
            double r = httpRatio(numerator + ".c" + c, denominator + ".c" + c);
            row.append(" | ").append(Double.isNaN(r) ? NOT_MEASURED : format(r) + "×");
        }
        line(row.append(" |").toString());
    }

    private void scale() {
        line("## 2. Scale: n handles on one share");
        line("");
        line("Tree: 10 team directories × 10 project directories × 20 files; n/2000 handles per file, opened through the "
                + "Handle Fixture Protocol, one batch per file. Server in the driver's JVM (heap from the JVM's after-GC pool "
                + "figures); times are measured by the client around each loopback exchange, an upper bound of server time. "
                + "List pages: recursive from the share root, `maxresults=5000`, median of 15 fetches at each position. "
                + "Force Close: recursive `*` on the root, following `x-ms-marker` (server page: 1000 handles a call).");
        line("");
        line("| n | open (handles/s) | heap B/handle open | heap B/handle after close | list start ms | list middle ms | list end ms "
                + "| list walk p50 / max ms | close total ms | close calls | ms per close call | close call p50 / max ms |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int n : sizes()) {
            String p = "scale.n" + n + ".";
            line("| " + String.format(Locale.ROOT, "%,d", n) + " | " + text(p + "open_handles_per_s") + " | "
                    + text(p + "heap_bytes_per_handle") + " | " + text(p + "heap_bytes_per_closed_handle") + " | "
                    + text(p + "list_start_ms") + " | " + text(p + "list_middle_ms") + " | " + text(p + "list_end_ms") + " | "
                    + text(p + "list_walk_p50_ms") + " / " + text(p + "list_walk_max_ms") + " | "
                    + text(p + "close_total_ms") + " | " + text(p + "close_calls") + " | " + text(p + "close_per_call_ms") + " | "
                    + text(p + "close_p50_ms") + " / " + text(p + "close_max_ms") + " |");
        }
        line("");
    }

    private void kit() {
        line("## 3. The kit: a full certification run against the embedded reference server");
        line("");
        line("In-process runs are timed inside a fresh JVM (one per mode), so they exclude JVM start and include everything "
                + "after it: class loading, the catalogue, the embedded server's start, every case. \"warm\" is a second run "
                + "in the same JVM. The CLI run is the command a user types, timed from outside.");
        line("");
        line("| run | wall time ms | warm ms | results | statuses | per case p50 / p90 / p99 / max ms | sum of case times ms |");
        line("|---|---|---|---|---|---|---|");
        for (String mode : List.of("parallel", "serial")) {
            String p = "kit.inprocess." + mode + ".";
            line("| in-process, " + mode + " | " + text(p + "wall_ms") + " | " + text(p + "warm_wall_ms") + " | "
                    + text(p + "cases") + " | " + text(p + "statuses") + " | "
                    + text(p + "case_p50_ms") + " / " + text(p + "case_p90_ms") + " / " + text(p + "case_p99_ms") + " / "
                    + text(p + "case_max_ms") + " | " + text(p + "case_sum_ms") + " |");
        }
        line("");
        cliRuns();
        for (String mode : List.of("parallel", "serial")) {
            String p = "kit.inprocess." + mode + ".";
            if (figures.getProperty(p + "broken_cases") != null || figures.getProperty(p + "error") != null) {
                line("**The " + mode + " run was not clean** (" + text(p + "broken_cases") + " FAIL/ERROR results"
                        + (figures.getProperty(p + "error") == null ? "" : "; run error: " + text(p + "error"))
                        + "): its time may omit work that a clean run does.");
                line("");
            }
        }
        String slowest = figures.getProperty("kit.inprocess.serial.slowest");
        if (slowest != null) {
            line("Slowest cases (serial run): " + slowest + ".");
            line("");
        }
    }

    /**
     * The README's first command beside plain {@code java -jar}, alternated in one phase: wall time swings
     * with what else the machine runs, CPU time much less, and the ratio within a pair least of all.
     */
    private void cliRuns() {
        line("With JVM start, timed from outside: `bin/handles-tck run` (the README's first command: C1 only, serial "
                + "collector, class-data sharing archive made by `mvn package`) and `java -jar handles-tck.jar run` (the "
                + "JVM's defaults), alternated. CPU is user + sys of the JVM; the load is the 1-minute average just before "
                + "each run. On a shared machine read the CPU figures and the ratios, not the wall times.");
        line("");
        line("| run | wall ms | CPU ms | load before | exit |");
        line("|---|---|---|---|---|");
        for (int rep = 1; rep <= CLI_REPEATS; rep++) {
            for (String command : List.of(LAUNCHER, PLAIN_JAVA)) {
                String p = command + ".r" + rep + ".";
                line("| " + cliName(command) + " #" + rep + " | " + text(p + "wall_ms") + " | " + text(p + "cpu_ms") + " | "
                        + text(p + "load1") + " | " + text(p + "exit") + " |");
            }
        }
        for (String command : List.of(LAUNCHER, PLAIN_JAVA)) {
            line("| " + cliName(command) + ", median | " + format(median(command, "wall_ms")) + " | "
                    + format(median(command, "cpu_ms")) + " | | |");
        }
        line("| launcher / plain, medians | " + ratioText(median(LAUNCHER, "wall_ms") / median(PLAIN_JAVA, "wall_ms"))
                + " | " + ratioText(median(LAUNCHER, "cpu_ms") / median(PLAIN_JAVA, "cpu_ms")) + " | | |");
        line("");
    }

    private static String cliName(String command) {
        return command.equals(LAUNCHER) ? "`bin/handles-tck run`" : "`java -jar handles-tck.jar run`";
    }

    private static String ratioText(double ratio) {
        return Double.isNaN(ratio) ? NOT_MEASURED : format(ratio) + "×";
    }

    /** The median of one figure over the repeated runs of a command; NaN unless every run was clean (exit 0). */
    private double median(String command, String figure) {
        double[] values = new double[CLI_REPEATS];
        for (int rep = 1; rep <= CLI_REPEATS; rep++) {
            String p = command + ".r" + rep + ".";
            if (number(p + "exit") != 0) {
                return Double.NaN;
            }
            values[rep - 1] = number(p + figure);
        }
        return median(values);
    }

    /** The middle value, or the mean of the two middle ones for an even count; the array is left as it was. */
    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** What bench/smb.sh wrote, as it wrote it: the phase is a hook for the SMB endpoint's own driver. */
    private void smb() {
        line("## 5. SMB endpoint");
        line("");
        List<String> keys = new ArrayList<>();
        for (String key : new TreeSet<>(figures.stringPropertyNames())) {
            if (key.startsWith("smb.")) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            line(NOT_MEASURED + ".");
            line("");
            return;
        }
        line("| figure | value |");
        line("|---|---|");
        for (String key : keys) {
            line("| " + key.substring("smb.".length()) + " | " + text(key) + " |");
        }
        line("");
    }

    private void concurrency() {
        line("## 4. Concurrency: opening, closing and listing overlapping sets");
        line("");
        line("16 threads for 10 s on one share (4 open batches of 20, 6 force-close `*` recursively on random directories "
                + "following markers, 3 close single ids, 3 list recursively in pages of 100), then one final recursive close "
                + "of the root; the same mix on 1 thread for comparison. Counts add up when the closed counts reported by "
                + "all calls equal the handles opened, no call failed a handle, nothing is left listed, a sample of 500 "
                + "handles reads `force-closed`, and no listing walk saw a handle twice.");
        line("");
        line("| threads | calls/s | calls | opened | closed (sum of all calls) | failed | left listed | sample not force-closed | seen twice in a walk | counts add up |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (int t : new int[] {1, 16}) {
            String p = "concurrency.t" + t + ".";
            line("| " + t + " | " + text(p + "calls_per_s") + " | " + text(p + "calls") + " | " + text(p + "opened") + " | "
                    + text(p + "closed") + " | " + text(p + "failed") + " | " + text(p + "left_listed") + " | "
                    + text(p + "sample_not_force_closed") + " | " + text(p + "duplicate_listings") + " | "
                    + text(p + "counts_add_up") + " |");
        }
        line("");
        line("Throughput with 16 threads / 1 thread: " + text("concurrency.throughput_ratio") + "× (2 cores, client and server in one JVM).");
        line("");
    }

    private void failures() {
        List<String> failed = new ArrayList<>();
        for (String key : new TreeSet<>(figures.stringPropertyNames())) {
            if (key.startsWith("failed.")) {
                failed.add(key.substring("failed.".length()) + " (" + figures.getProperty(key) + ")");
            }
        }
        if (!failed.isEmpty()) {
            line("## Phases that failed");
            line("");
            line("These phases stopped before producing all their figures; the figures they lack show as \"" + NOT_MEASURED
                    + "\": " + String.join(", ", failed) + ".");
            line("");
        }
    }

    private List<Integer> sizes() {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (String key : figures.stringPropertyNames()) {
            if (key.startsWith("scale.n")) {
                sizes.add(Integer.parseInt(key.substring("scale.n".length(), key.indexOf('.', "scale.n".length()))));
            }
        }
        return new ArrayList<>(sizes);
    }

    private int smallestSize() {
        List<Integer> sizes = sizes();
        return sizes.isEmpty() ? 10_000 : sizes.get(0);
    }

    private static String requestName(String request) {
        return request.equals("fch") ? "Force Close Handles" : "List Handles of 10";
    }

    private String text(String key) {
        String value = figures.getProperty(key);
        if (value == null) {
            return NOT_MEASURED;
        }
        try {
            return format(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private double number(String key) {
        String value = figures.getProperty(key);
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The ratio of two wrk runs' requests/s, or NaN ("not measured") when either run saw an error:
     * a rejected signature answers fast, and a fast 403 is no throughput.
     */
    private double httpRatio(String numerator, String denominator) {
        if (number(numerator + ".errors") != 0 || number(denominator + ".errors") != 0) {
            return Double.NaN;
        }
        double[] rounds = roundRatios(numerator, denominator);
        return rounds.length == 0 ? ratio(numerator + ".rps", denominator + ".rps") : median(rounds);
    }

    /**
     * Each round's ratio where bench/run.sh ran rounds (at 16 connections: every server back to back,
     * ROUNDS times), so that a ratio compares runs seconds apart on a machine whose speed drifts.
     */
    private double[] roundRatios(String numerator, String denominator) {
        List<Double> rounds = new ArrayList<>();
        for (int r = 1; figures.containsKey(numerator + ".r" + r + ".rps") && figures.containsKey(denominator + ".r" + r + ".rps"); r++) {
            rounds.add(ratio(numerator + ".r" + r + ".rps", denominator + ".r" + r + ".rps"));
        }
        return rounds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double ratio(String numerator, String denominator) {
        return number(numerator) / number(denominator);
    }

    private static double max(double... values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            max = Math.max(max, value);
        }
        return max;
    }

    /** Three significant figures at most for small values, thousands separators for large ones. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NOT_MEASURED;
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
