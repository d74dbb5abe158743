package io.handlestck.kit.suites;

import io.handlestck.kit.cases.ProtocolCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The protocol conformance class: authentication, versions, request ids, errors. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: protocol")
@SelectClasses({ProtocolCases.class})
public class ProtocolSuite {
}
