package io.handlestck.kit.suites;

import io.handlestck.kit.cases.HandleSemanticsCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * What a force close means to the handle's client: force-closed state, deletes and renames unblocked. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: handle semantics")
@SelectClasses({HandleSemanticsCases.class})
public class HandleSemanticsSuite {
}
