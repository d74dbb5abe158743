package io.handlestck.kit.suites;

import io.handlestck.kit.cases.ListHandlesBodyCases;
import io.handlestck.kit.cases.ListHandlesCases;
import io.handlestck.kit.cases.ListHandlesPagingCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The List Handles conformance class. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: List Handles")
@SelectClasses({ListHandlesCases.class, ListHandlesBodyCases.class, ListHandlesPagingCases.class})
public class ListHandlesSuite {
}
