package io.handlestck.mutation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Turns PIT's {@code mutations.xml} into the Markdown report of {@code bench/mutation.sh}: killed,
 * survived and uncovered mutants, each survivor and uncovered one listed with its place, and the score
 * over the mutants that are not recorded as out of the score in {@code bench/mutation/survivors.md}
 * (lines {@code - `Class:line:Mutator` — why}).
 *
 * <p>Usage: {@code MutationSummary MUTATIONS_XML SURVIVORS_MD OUT_MD}
 */
public final class MutationSummary {

    private static final Pattern EXPLAINED = Pattern.compile("^- `([^`]+:\\d+:[A-Za-z]+)`");

    record Mutant(String status, String className, String method, int line, String mutator, String description) {
        String key() {
            return className + ":" + line + ":" + mutator;
        }

        boolean killed() {
            return status.equals("KILLED") || status.equals("TIMED_OUT") || status.equals("MEMORY_ERROR");
        }
    }

    private MutationSummary() {
    }

    public static void main(String[] args) throws Exception {
        List<Mutant> mutants = read(Path.of(args[0]));
        Set<String> explained = explained(Path.of(args[1]));
        String report = render(mutants, explained);
        Files.writeString(Path.of(args[2]), report);
        System.out.print(report.lines().limit(12).reduce("", (a, b) -> a + b + "\n"));
    }

    static List<Mutant> read(Path mutationsXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        NodeList nodes = factory.newDocumentBuilder().parse(mutationsXml.toFile()).getElementsByTagName("mutation");
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element mutation = (Element) nodes.item(i);
            String mutator = text(mutation, "mutator");
            mutants.add(new Mutant(mutation.getAttribute("status"), text(mutation, "mutatedClass"),
                    text(mutation, "mutatedMethod"), Integer.parseInt(text(mutation, "lineNumber")),
                    mutator.substring(mutator.lastIndexOf('.') + 1), text(mutation, "description")));
        }
        return mutants;
    }

    static Set<String> explained(Path survivorsMd) throws IOException {
        Set<String> keys = new HashSet<>();
        if (Files.exists(survivorsMd)) {
            for (String line : Files.readAllLines(survivorsMd)) {
                Matcher key = EXPLAINED.matcher(line);
                if (key.find()) {
                    keys.add(key.group(1));
                }
            }
        }
        return keys;
    }

    static String render(List<Mutant> mutants, Set<String> explained) {
        long killed = mutants.stream().filter(Mutant::killed).count();
        List<Mutant> survived = mutants.stream().filter(m -> m.status().equals("SURVIVED")).toList();
        List<Mutant> uncovered = mutants.stream().filter(m -> m.status().equals("NO_COVERAGE")).toList();
        long invisible = mutants.stream().filter(m -> !m.killed() && explained.contains(m.key())).count();
        long counted = mutants.size() - invisible;
        StringBuilder md = new StringBuilder("# Mutation testing of the reference server's handle logic\n\n");
        md.append(String.format(Locale.ROOT, "- mutants: %d; killed %d, survived %d, uncovered %d, other %d%n",
                mutants.size(), killed, survived.size(), uncovered.size(),
                mutants.size() - killed - survived.size() - uncovered.size()));
        md.append(String.format(Locale.ROOT, "- recorded in bench/mutation/survivors.md as out of the score (invisible on the wire, "
                + "equivalent, or not reached through the two handle operations): %d%n", invisible));
        md.append(String.format(Locale.ROOT, "- score over the %d others: **%.1f %%** killed (%.1f %% of all %d mutants)%n%n", counted,
                counted == 0 ? 0.0 : 100.0 * killed / counted, mutants.isEmpty() ? 0.0 : 100.0 * killed / mutants.size(),
                mutants.size()));
        Map<String, long[]> perClass = new TreeMap<>();
        for (Mutant mutant : mutants) {
            long[] counts = perClass.computeIfAbsent(mutant.className(), k -> new long[3]);
            counts[mutant.killed() ? 0 : mutant.status().equals("NO_COVERAGE") ? 2 : 1]++;
        }
        md.append("| Class | Killed | Not killed | Uncovered |\n|---|---:|---:|---:|\n");
        perClass.forEach((name, counts) -> md.append("| ").append(name).append(" | ").append(counts[0]).append(" | ")
                .append(counts[1]).append(" | ").append(counts[2]).append(" |\n"));
        section(md, "Survived", survived, explained);
        section(md, "Uncovered", uncovered, explained);
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<Mutant> mutants, Set<String> explained) {
        md.append("\n## ").append(title).append(" (").append(mutants.size()).append(")\n\n");
        for (Mutant mutant : mutants) {
            md.append("- `").append(mutant.key()).append("` ").append(mutant.method()).append(": ")
                    .append(mutant.description()).append(explained.contains(mutant.key()) ? " (explained)" : "").append('\n');
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
