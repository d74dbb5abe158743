package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.suites.ProtocolSuite;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.jupiter.api.Test;

/**
 * The kit as a user runs it from their own build: a {@code @Suite} class on the JUnit Platform, no
 * runner, the target from configuration parameters (here none, so the embedded server), the status of
 * each case published as a report entry.
 */
class SuiteModeTest {

    @Test
    void aSuiteRunsItsCasesAgainstTheEmbeddedServerAndPublishesTheirStatus() {
        CatalogueEntry entry = Catalogue.fromClasspath().conformanceClass("protocol").orElseThrow().cases().stream()
                .filter(e -> e.capabilities().isEmpty()).findFirst().orElseThrow();
        List<String> statuses = new CopyOnWriteArrayList<>();
        List<String> succeeded = new CopyOnWriteArrayList<>();
        List<String> notSelected = new CopyOnWriteArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(ProtocolSuite.class))
                .configurationParameter("handlestck.cases", entry.id())
                .enableImplicitConfigurationParameters(false)
                .build();

        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entryPublished) {
                entryPublished.getKeyValuePairs().entrySet().stream()
                        .filter(pair -> pair.getKey().equals(CaseResults.STATUS_ENTRY))
                        .forEach(pair -> statuses.add(pair.getValue()));
            }

            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (identifier.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    succeeded.add(identifier.getDisplayName());
                }
            }

            @Override
            public void executionSkipped(TestIdentifier identifier, String reason) {
                notSelected.add(reason);
            }
        });

        assertThat(statuses).isNotEmpty().containsOnly("PASS");
        assertThat(succeeded).hasSameSizeAs(statuses)
                .allSatisfy(name -> assertThat(name).startsWith(entry.id() + " " + entry.title() + " @ "));
        assertThat(notSelected).isNotEmpty().allSatisfy(reason -> assertThat(reason).contains("not selected"));
    }
}
