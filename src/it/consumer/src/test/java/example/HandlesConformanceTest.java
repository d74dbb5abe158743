package example;

import io.handlestck.kit.cases.ForceCloseHandlesCases;
import io.handlestck.kit.cases.ListHandlesCases;
import io.handlestck.kit.cases.ProtocolCases;
import io.handlestck.kit.suites.KitSuite;
import org.junit.platform.suite.api.SelectClasses;

/** Our File service against the Handles TCK, in our own `mvn verify`. */
@KitSuite                       // a JUnit Platform @Suite, cases in parallel, as the kit's runner runs them
@SelectClasses({ForceCloseHandlesCases.class, ListHandlesCases.class, ProtocolCases.class})
class HandlesConformanceTest {
}
