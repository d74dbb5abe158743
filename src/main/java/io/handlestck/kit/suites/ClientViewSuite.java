package io.handlestck.kit.suites;

import io.handlestck.kit.cases.ClientIdentityCases;
import io.handlestck.kit.cases.ClientViewCases;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Force Close Handles and List Handles as the SMB client that holds the handles sees them (needs the
 * {@code smb} provisioner). Runs as {@link KitSuite} describes.
 */
@KitSuite
@SuiteDisplayName("Handles TCK: the client's view")
@SelectClasses({ClientViewCases.class, ClientIdentityCases.class})
public class ClientViewSuite {
}
