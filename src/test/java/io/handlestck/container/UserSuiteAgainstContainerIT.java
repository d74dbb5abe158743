package io.handlestck.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.handlestck.kit.suites.AllCasesSuite;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The user's test from docker/README.md, kept here so that the README's example is known to work:
 * Testcontainers starts the reference server, and the kit's {@code @Suite} runs against it through
 * the JUnit Platform, as any build would run it.
 */
@ExtendWith(ContainerTestGate.class)
@Testcontainers
class UserSuiteAgainstContainerIT {

    @Container
    static HandlesReferenceContainer server = new HandlesReferenceContainer(ContainerTestGate.image());

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
        // FAIL, WARN and ERROR are JUnit failures; COULD_NOT_TEST and NOT_IMPLEMENTED are skips.
        assertEquals(0, summary.getTotalFailureCount(), failures::toString);
    }
}
