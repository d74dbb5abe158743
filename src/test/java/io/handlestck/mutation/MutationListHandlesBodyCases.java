package io.handlestck.mutation;

import io.handlestck.kit.cases.ListHandlesBodyCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ListHandlesBodyCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationListHandlesBodyCases extends ListHandlesBodyCases {
}
