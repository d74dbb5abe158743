package io.handlestck.mutation;

import io.handlestck.kit.cases.ProtocolCases;

/** The kit's {@link ProtocolCases} as a test class PIT can select, run against the embedded reference server. */
class MutationProtocolCases extends ProtocolCases {
}
