package io.handlestck.kit.suites;

import io.handlestck.kit.cases.ListHandlesCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The List Handles conformance class. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: List Handles")
@SelectClasses({ListHandlesCases.class})
public class ListHandlesSuite {
}
