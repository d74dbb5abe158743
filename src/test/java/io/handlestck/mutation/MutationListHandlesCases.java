package io.handlestck.mutation;

import io.handlestck.kit.cases.ListHandlesCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ListHandlesCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationListHandlesCases extends ListHandlesCases {
}
