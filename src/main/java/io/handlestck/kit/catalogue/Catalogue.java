package io.handlestck.kit.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case catalogue: every {@code suites/<class>.yaml} on the classpath (the build copies
 * {@code suites/} into the jar, so the CLI, the {@code @Suite} classes and the tests all read the
 * same files). Parsing is strict: an unknown field is a typo that would silently drop data.
 */
public final class Catalogue {

    /** The conformance classes in reporting order; a file that does not exist (yet) is simply absent. */
    public static final List<String> CLASS_NAMES =
            List.of("force-close-handles", "list-handles", "protocol", "handle-semantics", "names",
                    "answer-rules", "bearer", "client-view", "set-up");

    public static final String CASES_PACKAGE = "io.handlestck.kit.cases";

    private static volatile Catalogue classpathCatalogue;

    private final List<ConformanceClass> classes;
    private final Map<String, CatalogueEntry> byId;

    private Catalogue(List<ConformanceClass> classes) {
        this.classes = List.copyOf(classes);
        Map<String, CatalogueEntry> index = new LinkedHashMap<>();
        for (ConformanceClass conformanceClass : classes) {
            for (CatalogueEntry entry : conformanceClass.cases()) {
                CatalogueEntry previous = index.putIfAbsent(entry.id(), entry);
                if (previous != null) {
                    throw new CatalogueException("case id " + entry.id() + " appears in both suites/"
                            + previous.conformanceClass() + ".yaml and suites/" + conformanceClass.name() + ".yaml");
                }
            }
        }
        this.byId = index;
    }

    /** The catalogue shipped with the kit, read once per JVM. */
    public static Catalogue fromClasspath() {
        Catalogue catalogue = classpathCatalogue;
        if (catalogue == null) {
            synchronized (Catalogue.class) {
                catalogue = classpathCatalogue;
                if (catalogue == null) {
                    catalogue = load(Catalogue.class.getClassLoader());
                    classpathCatalogue = catalogue;
                }
            }
        }
        return catalogue;
    }

    static Catalogue load(ClassLoader loader) {
        List<ConformanceClass> classes = new ArrayList<>();
        for (String name : CLASS_NAMES) {
            String resource = "suites/" + name + ".yaml";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    classes.add(parse(name, in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new Catalogue(classes);
    }

    /** Parses one catalogue file; {@code name} is the file name without {@code .yaml}. */
    public static ConformanceClass parse(String name, InputStream yaml) throws IOException {
        ClassFile file;
        try {
            file = YAML.readValue(yaml, ClassFile.class);
        } catch (IOException e) {
            throw new CatalogueException("suites/" + name + ".yaml is not a valid catalogue file: "
                    + e.getMessage(), e);
        }
        if (file.className != null && !file.className.equals(name)) {
            throw new CatalogueException("suites/" + name + ".yaml declares class '" + file.className
                    + "'; it must match the file name");
        }
        List<CatalogueEntry> entries = new ArrayList<>();
        for (EntryFile raw : file.cases == null ? List.<EntryFile>of() : file.cases) {
            if (raw.id == null || raw.title == null || raw.level == null) {
                throw new CatalogueException("suites/" + name + ".yaml has an entry without id, title or level: "
                        + (raw.id == null ? raw.title : raw.id));
            }
            entries.add(new CatalogueEntry(raw.id, raw.title, raw.level, raw.sources, raw.versions,
                    capabilities(name, raw), allowed(name, raw), raw.notes, name));
        }
        List<String> caseClasses = file.implementedBy == null || file.implementedBy.isEmpty()
                ? List.of(caseClassName(name))
                : file.implementedBy.stream().map(simple -> CASES_PACKAGE + "." + simple).toList();
        return new ConformanceClass(name, file.title, file.description, List.copyOf(entries), caseClasses);
    }

    /** The entry's capabilities as types; a name the kit does not know is a catalogue error, never ignored. */
    private static Set<Capability> capabilities(String file, EntryFile raw) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : raw.capabilities == null ? Set.<String>of() : raw.capabilities) {
            capabilities.add(Capability.named(name).orElseThrow(() -> new CatalogueException("suites/" + file
                    + ".yaml entry " + raw.id + " names unknown capability '" + name + "'; known: "
                    + String.join(", ", Arrays.stream(Capability.values()).map(Capability::catalogueName).toList()))));
        }
        return capabilities;
    }

    /** The entry's answer sets by type; a name no case reads is a catalogue error, never ignored. */
    private static Map<AnswerSet, AllowedAnswers> allowed(String file, EntryFile raw) {
        Map<AnswerSet, AllowedAnswers> allowed = new EnumMap<>(AnswerSet.class);
        if (raw.allowed != null) {
            raw.allowed.forEach((name, answers) -> allowed.put(AnswerSet.named(name).orElseThrow(() ->
                    new CatalogueException("suites/" + file + ".yaml entry " + raw.id + " names unknown answer set '"
                            + name + "'; known: " + String.join(", ", Arrays.stream(AnswerSet.values())
                            .map(AnswerSet::catalogueName).toList()))), answers));
        }
        return allowed;
    }

    /** {@code force-close-handles} → {@code io.handlestck.kit.cases.ForceCloseHandlesCases}. */
    public static String caseClassName(String conformanceClass) {
        StringBuilder simple = new StringBuilder();
        for (String word : conformanceClass.split("-")) {
            simple.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return CASES_PACKAGE + "." + simple + "Cases";
    }

    public List<ConformanceClass> classes() {
        return classes;
    }

    public Collection<CatalogueEntry> entries() {
        return byId.values();
    }

    public Optional<CatalogueEntry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<ConformanceClass> conformanceClass(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The conformance class a Java case class implements part of. */
    public Optional<ConformanceClass> classFor(Class<?> caseClass) {
        return classes.stream().filter(c -> c.caseClasses().contains(caseClass.getName())).findFirst();
    }

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The YAML shape of one catalogue file. */
    private static final class ClassFile {
        @JsonProperty("class")
        public String className;
        public String title;
        public String description;
        public List<String> implementedBy;
        public List<EntryFile> cases;
    }

    /** The YAML shape of one entry; the record {@link CatalogueEntry} is built from it after checks. */
    private static final class EntryFile {
        public String id;
        public String title;
        public Level level;
        public List<Source> sources;
        public VersionRange versions;
        public Set<String> capabilities;
        public Map<String, AllowedAnswers> allowed;
        public String notes;
    }
}
