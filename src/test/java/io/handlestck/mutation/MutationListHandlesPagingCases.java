package io.handlestck.mutation;

import io.handlestck.kit.cases.ListHandlesPagingCases;

/** The kit's {@link ListHandlesPagingCases} as a test class PIT can select, run against the embedded reference server. */
class MutationListHandlesPagingCases extends ListHandlesPagingCases {
}
