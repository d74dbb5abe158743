package io.handlestck.mutation;

import io.handlestck.kit.cases.ForceClosePagingCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ForceClosePagingCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationForceClosePagingCases extends ForceClosePagingCases {
}
