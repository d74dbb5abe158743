package io.handlestck.mutation;

import io.handlestck.kit.cases.BearerCases;

/** The kit's {@link BearerCases} as a test class PIT can select, run against the embedded reference server. */
class MutationBearerCases extends BearerCases {
}
