package io.handlestck.mutation;

import io.handlestck.kit.cases.NamesCases;

/** The kit's {@link NamesCases} as a test class PIT can select, run against the embedded reference server. */
class MutationNamesCases extends NamesCases {
}
