package io.handlestck.kit.suites;

import io.handlestck.kit.cases.BearerCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The bearer-token conformance class (Microsoft Entra ID tokens on both operations). Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: bearer tokens")
@SelectClasses({BearerCases.class})
public class BearerSuite {
}
