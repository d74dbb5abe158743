package io.handlestck.kit.suites;

import io.handlestck.kit.cases.ForceCloseHandlesCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The Force Close Handles conformance class. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: Force Close Handles")
@SelectClasses({ForceCloseHandlesCases.class})
public class ForceCloseHandlesSuite {
}
