package io.handlestck.mutation;

import io.handlestck.kit.cases.AnswerRulesCases;

/** The kit's {@link AnswerRulesCases} as a test class PIT can select, run against the embedded reference server. */
class MutationAnswerRulesCases extends AnswerRulesCases {
}
