package io.handlestck.mutation;

import io.handlestck.kit.cases.ForceCloseHandlesCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ForceCloseHandlesCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationForceCloseHandlesCases extends ForceCloseHandlesCases {
}
