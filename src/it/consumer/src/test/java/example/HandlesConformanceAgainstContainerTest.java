package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.handlestck.container.HandlesReferenceContainer;
import io.handlestck.kit.suites.AllCasesSuite;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same kit against the reference server in Docker, as docker/README.md shows; only where Docker is meant to be. */
@EnabledIfSystemProperty(named = "handlestck.container.tests", matches = "true")
@Testcontainers
class HandlesConformanceAgainstContainerTest {

    @Container
    static HandlesReferenceContainer server =
            new HandlesReferenceContainer(HandlesReferenceContainer.defaultImage());

    @Test
    void kitSuitePassesAgainstTheContainer() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(AllCasesSuite.class))
                .configurationParameter("handlestck.connectionString", server.getConnectionString())
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);

        TestExecutionSummary summary = listener.getSummary();
        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 5);
        assertTrue(summary.getTestsSucceededCount() > 0, "no case ran");
        assertEquals(0, summary.getTotalFailureCount(), failures::toString);
    }
}
