package io.handlestck.mutation;

import io.handlestck.kit.cases.ListHandlesCases;

/** The kit's {@link ListHandlesCases} as a test class PIT can select, run against the embedded reference server. */
class MutationListHandlesCases extends ListHandlesCases {
}
