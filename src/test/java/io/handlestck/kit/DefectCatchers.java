package io.handlestck.kit;

import io.handlestck.server.defects.Defect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which kit cases are aimed at which reference-server defect, read from {@code defect-catchers.txt}
 * next to this class: the case or cases written to catch that bug, decided from what each case
 * checks (its code and its catalogue entry), not from what a run happened to report. Other cases
 * may catch a defect too (a broken listing breaks every case that lists); {@link DefectsMetaTest}
 * prints those and does not require them.
 */
public final class DefectCatchers {

    private static final Map<Defect, List<String>> AIMED = read();

    private DefectCatchers() {
    }

    /** The case ids written to catch the defect; empty when the table has no line for it. */
    public static List<String> aimedAt(Defect defect) {
        return AIMED.getOrDefault(defect, List.of());
    }

    /** Every line of the table. */
    static Map<Defect, List<String>> all() {
        return Map.copyOf(AIMED);
    }

    /** {@code NAME: CASE-ID CASE-ID …} lines; {@code #} starts a comment. An unknown defect name or a repeated one fails here. */
    private static Map<Defect, List<String>> read() {
        String table;
        try (InputStream in = DefectCatchers.class.getResourceAsStream("defect-catchers.txt")) {
            if (in == null) {
                throw new IllegalStateException("defect-catchers.txt is missing next to " + DefectCatchers.class.getName());
            }
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Defect, List<String>> aimed = new EnumMap<>(Defect.class);
        for (String line : table.split("\n")) {
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            int colon = content.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("defect-catchers.txt: not 'NAME: CASE-ID ...': " + line);
            }
            Defect defect = Defect.valueOf(content.substring(0, colon).strip());
            List<String> cases = Arrays.stream(content.substring(colon + 1).strip().split("\\s+")).toList();
            if (aimed.put(defect, cases) != null) {
                throw new IllegalStateException("defect-catchers.txt names " + defect + " twice");
            }
        }
        return aimed;
    }
}
