package io.handlestck.kit.suites;

import io.handlestck.kit.cases.BearerCases;
import io.handlestck.kit.cases.ForceCloseHandlesCases;
import io.handlestck.kit.cases.HandleSemanticsCases;
import io.handlestck.kit.cases.ListHandlesCases;
import io.handlestck.kit.cases.NamesCases;
import io.handlestck.kit.cases.ProtocolCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every conformance class of the kit. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: all cases")
@SelectClasses({ForceCloseHandlesCases.class, ListHandlesCases.class, ProtocolCases.class,
        HandleSemanticsCases.class, NamesCases.class, BearerCases.class})
public class AllCasesSuite {
}
