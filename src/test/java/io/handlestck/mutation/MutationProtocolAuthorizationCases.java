package io.handlestck.mutation;

import io.handlestck.kit.cases.ProtocolAuthorizationCases;

/** The kit's {@link ProtocolAuthorizationCases} as a test class PIT can select, run against the embedded reference server. */
class MutationProtocolAuthorizationCases extends ProtocolAuthorizationCases {
}
