package io.handlestck.kit.catalogue;

import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One case of the catalogue, as written in {@code suites/<class>.yaml}.
 *
 * @param conformanceClass the file it comes from, without {@code .yaml} (filled in by the loader)
 * @param versions         x-ms-version range; {@link VersionRange#ANY} when the YAML has none
 * @param capabilities     what the provisioner must offer or the target may lack ({@link Capability})
 * @param allowed          answer-set name to the answers the specification leaves open
 */
public record CatalogueEntry(String id, String title, Level level, List<Source> sources, VersionRange versions,
                             Set<Capability> capabilities, Map<String, AllowedAnswers> allowed, String notes,
                             String conformanceClass) {

    public CatalogueEntry {
        sources = sources == null ? List.of() : List.copyOf(sources);
        versions = versions == null ? VersionRange.ANY : versions;
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        allowed = allowed == null ? Map.of() : Map.copyOf(allowed);
    }

    /** The answers allowed for the named answer set; a case asking for an unknown set is a catalogue bug. */
    public List<String> allowed(String answerSet) {
        AllowedAnswers answers = allowed.get(answerSet);
        if (answers == null) {
            throw new IllegalStateException(id + " has no allowed answer set '" + answerSet + "' in suites/"
                    + conformanceClass + ".yaml");
        }
        return answers.values();
    }

    public boolean needs(Capability capability) {
        return capabilities.contains(capability);
    }
}
