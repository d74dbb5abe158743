package io.handlestck.kit;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.catalogue.ConformanceClass;
import io.handlestck.kit.config.KitConfig;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Display names of cases. A name carries the case id, its catalogue title, the variant and the target,
 * so that a line of any JUnit report stands on its own:
 * {@code FCH-003 wildcard closes every handle of a file @ http://127.0.0.1:41234/devstoreaccount1 [FILE]}.
 */
public final class CaseNames {

    /** The {@code @ParameterizedTest(name = ...)} pattern of every case: the method's name, then the variant. */
    public static final String VARIANT = "{displayName} [{arguments}]";

    /**
     * The pattern of a case over one variant type that names itself ({@code toString}) as the string
     * variant it replaced read: quoted, as JUnit quotes a string argument, so that reports of runs
     * before and after the type still compare case by case.
     */
    public static final String NAMED_VARIANT = "{displayName} [\"{0}\"]";

    /** {@link #NAMED_VARIANT} for a case over a resource and one such type. */
    public static final String RESOURCE_AND_NAMED_VARIANT = "{displayName} [{0}, \"{1}\"]";

    private static final ThreadLocal<String> DISCOVERING_TARGET = new ThreadLocal<>();

    private CaseNames() {
    }

    /**
     * Runs a test discovery whose display names name {@code target}. Names are made while discovering,
     * on the caller's thread, before any case knows its target; the runner therefore lends it here.
     */
    public static <T> T discoveringFor(String target, Supplier<T> discovery) {
        String previous = DISCOVERING_TARGET.get();
        DISCOVERING_TARGET.set(target);
        try {
            return discovery.get();
        } finally {
            DISCOVERING_TARGET.set(previous);
        }
    }

    /** The variant part of an invocation's display name, e.g. {@code FILE} from {@code "FCH-001 ... [FILE]"}. */
    public static String variantOf(String invocationName, String methodName) {
        String rest = invocationName.startsWith(methodName) ? invocationName.substring(methodName.length()).trim()
                : invocationName;
        if (rest.startsWith("[") && rest.endsWith("]")) {
            rest = rest.substring(1, rest.length() - 1);
        }
        return rest;
    }

    /** The target a display name shows when no runner lent one: the configured endpoint, or the embedded server. */
    static String target() {
        String lent = DISCOVERING_TARGET.get();
        if (lent != null) {
            return lent;
        }
        String endpoint = System.getProperty(KitConfig.SYSTEM_PROPERTY_PREFIX + "endpoint",
                System.getenv(KitConfig.environmentName("endpoint")));
        return endpoint != null ? endpoint : "embedded reference server";
    }

    /** Names case classes by their conformance class title and case methods by id, title and target. */
    public static final class Generator implements DisplayNameGenerator {

        @Override
        public String generateDisplayNameForClass(Class<?> testClass) {
            return Catalogue.fromClasspath().classFor(testClass).map(ConformanceClass::title)
                    .filter(title -> title != null && !title.isBlank()).orElse(testClass.getSimpleName());
        }

        @Override
        public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
            return nestedClass.getSimpleName();
        }

        @Override
        public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
                                                   Method testMethod) {
            CaseId id = testMethod.getAnnotation(CaseId.class);
            if (id == null) {
                return testMethod.getName();
            }
            String title = Catalogue.fromClasspath().entry(id.value()).map(CatalogueEntry::title)
                    .orElse(testMethod.getName());
            return id.value() + " " + title + " @ " + target();
        }
    }
}
