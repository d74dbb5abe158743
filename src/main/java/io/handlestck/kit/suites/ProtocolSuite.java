package io.handlestck.kit.suites;

import io.handlestck.kit.cases.ProtocolAuthorizationCases;
import io.handlestck.kit.cases.ProtocolCases;
import io.handlestck.kit.cases.ProtocolMalformedInputCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The protocol conformance class: authentication, versions, request ids, errors. Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: protocol")
@SelectClasses({ProtocolCases.class, ProtocolAuthorizationCases.class, ProtocolMalformedInputCases.class})
public class ProtocolSuite {
}
