package io.handlestck.mutation;

import io.handlestck.kit.cases.ProtocolMalformedInputCases;

/** The kit's {@link ProtocolMalformedInputCases} as a test class PIT can select, run against the embedded reference server. */
class MutationProtocolMalformedInputCases extends ProtocolMalformedInputCases {
}
