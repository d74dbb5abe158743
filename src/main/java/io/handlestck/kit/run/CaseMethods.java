package io.handlestck.kit.run;

import io.handlestck.kit.CaseId;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.ConformanceClass;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case methods of the kit, found by their {@link CaseId} in the case classes the catalogue names.
 * The runner selects exactly these methods; the meta-tests hold them one to one with the catalogue.
 */
public final class CaseMethods {

    private final Map<String, List<Method>> byId = new LinkedHashMap<>();
    private final List<String> missingClasses = new ArrayList<>();

    private CaseMethods(Catalogue catalogue) {
        for (ConformanceClass conformanceClass : catalogue.classes()) {
            for (String caseClass : conformanceClass.caseClasses()) {
                Optional<Class<?>> type = load(caseClass);
                if (type.isEmpty()) {
                    missingClasses.add(caseClass);
                    continue;
                }
                for (Method method : type.get().getDeclaredMethods()) {
                    CaseId id = method.getAnnotation(CaseId.class);
                    if (id != null) {
                        byId.computeIfAbsent(id.value(), key -> new ArrayList<>()).add(method);
                    }
                }
            }
        }
    }

    public static CaseMethods of(Catalogue catalogue) {
        return new CaseMethods(catalogue);
    }

    /** Every {@code @CaseId} value found, with the methods that carry it (one, when the kit is consistent). */
    public Map<String, List<Method>> byId() {
        return byId;
    }

    public Optional<Method> method(String id) {
        List<Method> methods = byId.get(id);
        return methods == null || methods.isEmpty() ? Optional.empty() : Optional.of(methods.get(0));
    }

    /** Case classes the catalogue implies but the classpath lacks. */
    public List<String> missingClasses() {
        return missingClasses;
    }

    private static Optional<Class<?>> load(String name) {
        try {
            Class<?> type = Class.forName(name, false, CaseMethods.class.getClassLoader());
            return type.isAnnotationPresent(HandlesTckCases.class) ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
