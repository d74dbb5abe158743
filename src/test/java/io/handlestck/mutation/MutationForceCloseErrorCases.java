package io.handlestck.mutation;

import io.handlestck.kit.cases.ForceCloseErrorCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ForceCloseErrorCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationForceCloseErrorCases extends ForceCloseErrorCases {
}
