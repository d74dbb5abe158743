package io.handlestck.kit.suites;

import io.handlestck.kit.cases.ForceCloseErrorCases;
import io.handlestck.kit.cases.ForceCloseHandlesCases;
import io.handlestck.kit.cases.ForceClosePagingCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The Force Close Handles conformance class. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: Force Close Handles")
@SelectClasses({ForceCloseHandlesCases.class, ForceCloseErrorCases.class, ForceClosePagingCases.class})
public class ForceCloseHandlesSuite {
}
