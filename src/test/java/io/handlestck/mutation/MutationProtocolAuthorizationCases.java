package io.handlestck.mutation;

import io.handlestck.kit.cases.ProtocolAuthorizationCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link ProtocolAuthorizationCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationProtocolAuthorizationCases extends ProtocolAuthorizationCases {
}
