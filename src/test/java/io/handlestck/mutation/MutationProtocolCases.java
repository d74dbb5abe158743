package io.handlestck.mutation;

import io.handlestck.kit.cases.ProtocolCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ProtocolCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationProtocolCases extends ProtocolCases {
}
