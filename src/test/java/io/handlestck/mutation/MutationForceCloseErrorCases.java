package io.handlestck.mutation;

import io.handlestck.kit.cases.ForceCloseErrorCases;

/** The kit's {@link ForceCloseErrorCases} as a test class PIT can select, run against the embedded reference server. */
class MutationForceCloseErrorCases extends ForceCloseErrorCases {
}
