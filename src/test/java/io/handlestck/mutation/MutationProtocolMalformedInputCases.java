package io.handlestck.mutation;

import io.handlestck.kit.cases.ProtocolMalformedInputCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ProtocolMalformedInputCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationProtocolMalformedInputCases extends ProtocolMalformedInputCases {
}
