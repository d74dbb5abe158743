package io.handlestck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where the drivers put what they measured: one {@code key=value} line per figure, printed and
 * appended to the run's figures file (bench/results/figures.properties), from which
 * {@link BenchReport} writes the table and latest.md. wrk's Lua script writes the same format.
 */
final class Figures {

    private final Path file;

    Figures(Path file) {
        this.file = file;
    }

    void put(String key, double value) {
        put(key, value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value));
    }

    void put(String key, String value) {
        String line = key + "=" + value + "\n";
        System.out.print(line);
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** The value at a percentile (0..100) of a sample, nearest-rank; the sample is sorted in place. */
    static long percentile(long[] sample, double percent) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("no sample");
        }
        Arrays.sort(sample);
        int rank = (int) Math.ceil(percent / 100.0 * sample.length);
        return sample[Math.max(0, Math.min(sample.length - 1, rank - 1))];
    }
}
