package io.handlestck.mutation;

import io.handlestck.kit.cases.SetUpCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link SetUpCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationSetUpCases extends SetUpCases {
}
