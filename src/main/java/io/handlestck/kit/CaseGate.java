package io.handlestck.kit;

import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.result.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether a case runs. Registered by {@link HandlesTckCases}.
 *
 * <ul>
 *   <li>As a JUnit condition: a case the configuration does not select ({@link CaseSelection}) does not
 *       run and reports nothing; a case disabled by configuration reports DISABLED.</li>
 *   <li>Before each invocation's body ({@link #preconditions}, called by {@link CaseVerdicts}): outside
 *       the entry's x-ms-version range → NOT_APPLICABLE; a capability the provisioner lacks →
 *       COULD_NOT_TEST, with the reason.</li>
 * </ul>
 */
public final class CaseGate implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<CaseId> id = CaseParameters.caseId(context);
        if (id.isEmpty() || context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("not a case method");
        }
        KitSession session = KitSession.of(context);
        KitConfig config = session.config();
        Optional<CatalogueEntry> entry = session.catalogue().entry(id.get().value());
        if (entry.isPresent() && !CaseSelection.selected(config, entry.get())) {
            return ConditionEvaluationResult.disabled("not selected by configuration");
        }
        if (config.disabled().contains(id.get().value())) {
            String why = "DISABLED: " + id.get().value() + " is disabled by configuration ("
                    + config.origins().getOrDefault("disabled", "config") + ")";
            entry.ifPresent(e -> CaseResults.publish(context, CaseResults.of(e, context.getRequiredTestMethod(),
                    Status.DISABLED, "", context.getDisplayName(), 0, why, List.of(), List.of())));
            return ConditionEvaluationResult.disabled(why);
        }
        return ConditionEvaluationResult.enabled("selected");
    }

    /** Version range and capabilities, checked before the body so that a skip explains itself. */
    static Optional<CaseVerdicts.Verdict> preconditions(CaseContext ctx) {
        CatalogueEntry entry = ctx.entry();
        if (!entry.versions().contains(ctx.version())) {
            return Optional.of(new CaseVerdicts.Verdict(Status.NOT_APPLICABLE, entry.id() + " applies to x-ms-version "
                    + entry.versions() + "; the run tests " + ctx.version(), 0, null));
        }
        Set<String> missing = new TreeSet<>();
        for (Capability needed : entry.capabilities()) {
            if (needed.kind() == Capability.Kind.PROVISIONER && !ctx.handles().capabilities().contains(needed)) {
                missing.add(needed.catalogueName());
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new CaseVerdicts.Verdict(Status.COULD_NOT_TEST, entry.id() + " needs "
                    + String.join(", ", missing) + ", which provisioner '" + ctx.handles().name()
                    + "' cannot provide on this target", 0, null));
        }
        return Optional.empty();
    }
}
