package io.handlestck.kit.suites;

import io.handlestck.kit.cases.SetUpCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Set-up operations: what the creates and deletes every case builds its share with answer. Runs as
 * {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: set-up operations")
@SelectClasses({SetUpCases.class})
public class SetUpSuite {
}
