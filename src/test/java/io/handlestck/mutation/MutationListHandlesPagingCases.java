package io.handlestck.mutation;

import io.handlestck.kit.cases.ListHandlesPagingCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ListHandlesPagingCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationListHandlesPagingCases extends ListHandlesPagingCases {
}
