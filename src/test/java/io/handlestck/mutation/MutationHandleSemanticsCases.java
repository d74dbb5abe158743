package io.handlestck.mutation;

import io.handlestck.kit.cases.HandleSemanticsCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link HandleSemanticsCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationHandleSemanticsCases extends HandleSemanticsCases {
}
