package io.handlestck.mutation;

import io.handlestck.kit.cases.ForceCloseHandlesCases;

/** The kit's {@link ForceCloseHandlesCases} as a test class PIT can select, run against the embedded reference server. */
class MutationForceCloseHandlesCases extends ForceCloseHandlesCases {
}
