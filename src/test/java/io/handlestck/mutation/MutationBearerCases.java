package io.handlestck.mutation;

import io.handlestck.kit.cases.BearerCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link BearerCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationBearerCases extends BearerCases {
}
