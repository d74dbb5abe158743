package io.handlestck.kit;

import io.handlestck.server.defects.Defect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which kit cases are aimed at which reference-server defect, read from {@code defect-catchers.txt}
 * next to this class: the case or cases written to catch that bug, decided from what each case
 * checks (its code and its catalogue entry), not from what a run happened to report. Other cases
 * may catch a defect too (a broken listing breaks every case that lists); {@link DefectsMetaTest}
 * prints those and does not require them.
 */
public final class DefectCatchers {

    /** Marks a defect only an SMB client can see: its cases are judged with {@code --provisioner smb}. */
    private static final String SMB_ONLY = "@smb";

    private static final Map<Defect, List<String>> AIMED = new EnumMap<>(Defect.class);
    private static final Set<Defect> SEEN_OVER_SMB = EnumSet.noneOf(Defect.class);

    static {
        read();
    }

    private DefectCatchers() {
    }

    /** The case ids written to catch the defect; empty when the table has no line for it. */
    public static List<String> aimedAt(Defect defect) {
        return AIMED.getOrDefault(defect, List.of());
    }

    /**
     * Whether the table marks the defect {@code @smb}: only a real SMB client sees it, so its cases are
     * judged in a run with {@code --provisioner smb} ({@code KitWithSmbClientMetaTest}), not with the fixtures.
     */
    public static boolean seenOnlyOverSmb(Defect defect) {
        return SEEN_OVER_SMB.contains(defect);
    }

    /** The defects the fixture provisioner's run judges: all but those marked {@code @smb}. */
    static Stream<Defect> seenWithFixtures() {
        return Arrays.stream(Defect.values()).filter(defect -> !seenOnlyOverSmb(defect));
    }

    /** The defects marked {@code @smb}. */
    static Stream<Defect> seenOverSmb() {
        return Arrays.stream(Defect.values()).filter(DefectCatchers::seenOnlyOverSmb);
    }

    /** Every line of the table. */
    static Map<Defect, List<String>> all() {
        return Map.copyOf(AIMED);
    }

    /**
     * {@code NAME: CASE-ID CASE-ID …} lines, {@code NAME @smb: …} for a defect only an SMB client sees;
     * {@code #} starts a comment. An unknown defect name or a repeated one fails here.
     */
    private static void read() {
        String table;
        try (InputStream in = DefectCatchers.class.getResourceAsStream("defect-catchers.txt")) {
            if (in == null) {
                throw new IllegalStateException("defect-catchers.txt is missing next to " + DefectCatchers.class.getName());
            }
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : table.split("\n")) {
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            int colon = content.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("defect-catchers.txt: not 'NAME: CASE-ID ...': " + line);
            }
            String name = content.substring(0, colon).strip();
            boolean smbOnly = name.endsWith(SMB_ONLY);
            Defect defect = Defect.valueOf(smbOnly ? name.substring(0, name.length() - SMB_ONLY.length()).strip() : name);
            List<String> cases = Arrays.stream(content.substring(colon + 1).strip().split("\\s+")).toList();
            if (AIMED.put(defect, cases) != null) {
                throw new IllegalStateException("defect-catchers.txt names " + defect + " twice");
            }
            if (smbOnly) {
                SEEN_OVER_SMB.add(defect);
            }
        }
    }
}
