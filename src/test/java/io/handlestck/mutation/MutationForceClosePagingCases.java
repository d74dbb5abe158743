package io.handlestck.mutation;

import io.handlestck.kit.cases.ForceClosePagingCases;

/** The kit's {@link ForceClosePagingCases} as a test class PIT can select, run against the embedded reference server. */
class MutationForceClosePagingCases extends ForceClosePagingCases {
}
