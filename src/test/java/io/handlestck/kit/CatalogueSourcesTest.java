package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.result.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every source a catalogue entry cites resolves inside the project: its ref names one of the
 * project's reference notes in {@code suites/sources/} (read from the classpath, as the jar ships
 * them) and a section that note has, by title ({@code (Authorization)}) or by number ({@code §4.1}).
 */
class CatalogueSourcesTest {

    /** {@code sources/FILE.md} then {@code (Section)} or {@code §N[, §M…]}, then anything (the public source). */
    private static final Pattern REF = Pattern.compile(
            "sources/([a-z-]+\\.md) (?:\\(([^)]+)\\)|(§[0-9.]+(?:, §[0-9.]+)*))(?: .*)?");

    /** A note cited inside an allowed set's free text. */
    private static final Pattern CITED = Pattern.compile("sources/[a-z-]+\\.md (?:\\([^)]+\\)|§[0-9.]+(?:, §[0-9.]+)*)");

    private final Catalogue catalogue = Catalogue.fromClasspath();

    @Test
    void everyRefNamesAShippedNoteAndOneOfItsSections() {
        List<String> unresolved = new ArrayList<>();
        for (CatalogueEntry entry : catalogue.entries()) {
            for (Source source : entry.sources()) {
                check(entry.id() + " source '" + source.ref() + "'", source.ref(), unresolved);
            }
            entry.allowed().forEach((name, answers) -> {
                Matcher cited = CITED.matcher(answers.source());
                boolean any = false;
                while (cited.find()) {
                    any = true;
                    check(entry.id() + " allowed set '" + name + "'", cited.group(), unresolved);
                }
                if (!any) {
                    unresolved.add(entry.id() + " allowed set '" + name + "' cites no note: " + answers.source());
                }
            });
        }
        assertThat(unresolved).as("refs that do not resolve inside suites/sources/").isEmpty();
    }

    @Test
    void theResolverRefusesWhatDoesNotExist() {
        List<String> unresolved = new ArrayList<>();
        check("a missing file", "sources/nowhere.md §1.1", unresolved);
        check("a missing section", "sources/service-behaviour.md §9.9", unresolved);
        check("a missing title", "sources/force-close-handles.md (Nothing)", unresolved);
        check("a file outside the notes", "reference/azure-files-behaviour.md §1.3", unresolved);
        assertThat(unresolved).hasSize(4);
    }

    private static void check(String what, String ref, List<String> unresolved) {
        Matcher matcher = REF.matcher(ref);
        if (!matcher.matches()) {
            unresolved.add(what + ": not of the form sources/FILE.md (Section) or sources/FILE.md §N");
            return;
        }
        String note = read("suites/sources/" + matcher.group(1));
        if (note == null) {
            unresolved.add(what + ": suites/sources/" + matcher.group(1) + " is not in the jar");
            return;
        }
        List<String> headings = note.lines().filter(line -> line.startsWith("## ")).map(line -> line.substring(3))
                .toList();
        if (matcher.group(2) != null) {
            if (!headings.contains(matcher.group(2))) {
                unresolved.add(what + ": no section '## " + matcher.group(2) + "'");
            }
            return;
        }
        for (String number : matcher.group(3).split(", ")) {
            if (headings.stream().noneMatch(heading -> heading.startsWith(number + " "))) {
                unresolved.add(what + ": no section '## " + number + " …'");
            }
        }
    }

    private static String read(String resource) {
        try (InputStream in = CatalogueSourcesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
