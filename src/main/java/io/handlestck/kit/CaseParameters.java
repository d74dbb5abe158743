package io.handlestck.kit;

import io.handlestck.kit.catalogue.CatalogueEntry;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each case invocation its {@link CaseContext} (its last parameter), one per invocation, kept in
 * the invocation's JUnit store so that {@link CaseVerdicts} judges and cleans up the same one.
 * Registered by {@link HandlesTckCases}.
 */
public final class CaseParameters implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CaseParameters.class);
    private static final String CONTEXT = "case-context";

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CaseContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return contextOf(extensionContext);
    }

    /** The invocation's context, made on first use. */
    static CaseContext contextOf(ExtensionContext extensionContext) {
        return extensionContext.getStore(NAMESPACE).computeIfAbsent(CONTEXT, key -> {
            KitSession session = KitSession.of(extensionContext);
            String id = caseId(extensionContext).map(CaseId::value).orElseThrow(() -> new IllegalStateException(
                    extensionContext.getRequiredTestMethod() + " has no @CaseId"));
            CatalogueEntry entry = session.catalogue().entry(id).orElseThrow(() -> new IllegalStateException(
                    "no catalogue entry in suites/*.yaml for " + id));
            return new CaseContext(session, entry);
        }, CaseContext.class);
    }

    /** The invocation's context if one was made (a case whose parameters failed has none). */
    static Optional<CaseContext> existingContext(ExtensionContext extensionContext) {
        return Optional.ofNullable(extensionContext.getStore(NAMESPACE).get(CONTEXT, CaseContext.class));
    }

    static Optional<CaseId> caseId(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.getAnnotation(CaseId.class));
    }
}
