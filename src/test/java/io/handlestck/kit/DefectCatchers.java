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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which kit cases are aimed at which reference-server defect, read from {@code defect-catchers.txt}
 * next to this class: the case or cases written to catch that bug, decided from what each case
 * checks (its code and its catalogue entry), not from what a run happened to report. Other cases
 * may catch a defect too (a broken listing breaks every case that lists); {@link DefectsMetaTest}
 * prints those and does not require them. A defect has the cases aimed at it in the run with the
 * fixtures, the cases aimed at it in the run with a real SMB client ({@code @smb}), or both.
 */
public final class DefectCatchers {

    /** Marks the cases that catch a defect as an SMB client sees it: they are judged with {@code --provisioner smb}. */
    private static final String OVER_SMB = "@smb";

    private static final Map<Defect, List<String>> AIMED = new EnumMap<>(Defect.class);
    private static final Map<Defect, List<String>> AIMED_OVER_SMB = new EnumMap<>(Defect.class);

    static {
        read();
    }

    private DefectCatchers() {
    }

    /** The case ids written to catch the defect in a run with the fixtures; empty when the table has no such line. */
    public static List<String> aimedAt(Defect defect) {
        return AIMED.getOrDefault(defect, List.of());
    }

    /** The case ids written to catch the defect as a real SMB client sees it (its {@code @smb} line); empty without one. */
    public static List<String> aimedAtOverSmb(Defect defect) {
        return AIMED_OVER_SMB.getOrDefault(defect, List.of());
    }

    /**
     * Whether only a real SMB client sees the defect (the table has an {@code @smb} line for it and no
     * other), so that the run with the fixtures ({@code DefectsMetaTest}) leaves it out.
     */
    public static boolean seenOnlyOverSmb(Defect defect) {
        return AIMED_OVER_SMB.containsKey(defect) && !AIMED.containsKey(defect);
    }

    /** The defects the fixture provisioner's run judges: all but those only an SMB client sees. */
    static Stream<Defect> seenWithFixtures() {
        return Arrays.stream(Defect.values()).filter(defect -> !seenOnlyOverSmb(defect));
    }

    /** The defects with an {@code @smb} line, judged in a run with {@code --provisioner smb}. */
    static Stream<Defect> seenOverSmb() {
        return Arrays.stream(Defect.values()).filter(AIMED_OVER_SMB::containsKey);
    }

    /** Every case id the table aims at a defect, in either run. */
    static Set<String> allAimed() {
        Set<String> aimed = new TreeSet<>();
        AIMED.values().forEach(aimed::addAll);
        AIMED_OVER_SMB.values().forEach(aimed::addAll);
        return aimed;
    }

    /**
     * {@code NAME: CASE-ID CASE-ID …} lines, {@code NAME @smb: …} for the cases judged over SMB;
     * {@code #} starts a comment. An unknown defect name, or a line repeated for a defect, fails here.
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
            boolean overSmb = name.endsWith(OVER_SMB);
            Defect defect = Defect.valueOf(overSmb ? name.substring(0, name.length() - OVER_SMB.length()).strip() : name);
            List<String> cases = Arrays.stream(content.substring(colon + 1).strip().split("\\s+")).toList();
            if ((overSmb ? AIMED_OVER_SMB : AIMED).put(defect, cases) != null) {
                throw new IllegalStateException("defect-catchers.txt names " + defect + (overSmb ? " @smb" : "") + " twice");
            }
        }
    }
}
