package io.handlestck.mutation;

import io.handlestck.kit.cases.ListHandlesBodyCases;

/** The kit's {@link ListHandlesBodyCases} as a test class PIT can select, run against the embedded reference server. */
class MutationListHandlesBodyCases extends ListHandlesBodyCases {
}
