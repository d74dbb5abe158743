package io.handlestck.kit.suites;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every conformance class of the kit: every case class of {@code io.handlestck.kit.cases}, so that a
 * class added by a later split or a new conformance class is never left out. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: all cases")
@SelectPackages("io.handlestck.kit.cases")
@IncludeClassNamePatterns(".*Cases")
public class AllCasesSuite {
}
