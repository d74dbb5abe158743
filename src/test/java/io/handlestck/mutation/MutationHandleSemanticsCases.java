package io.handlestck.mutation;

import io.handlestck.kit.cases.HandleSemanticsCases;

/** The kit's {@link HandleSemanticsCases} as a test class PIT can select, run against the embedded reference server. */
class MutationHandleSemanticsCases extends HandleSemanticsCases {
}
