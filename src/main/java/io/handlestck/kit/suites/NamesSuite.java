package io.handlestck.kit.suites;

import io.handlestck.kit.cases.NamesCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Names: spaces, unicode, deep paths, trailing dots, characters XML cannot carry. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: names")
@SelectClasses({NamesCases.class})
public class NamesSuite {
}
