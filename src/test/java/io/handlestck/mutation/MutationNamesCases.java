package io.handlestck.mutation;

import io.handlestck.kit.cases.NamesCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link NamesCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationNamesCases extends NamesCases {
}
