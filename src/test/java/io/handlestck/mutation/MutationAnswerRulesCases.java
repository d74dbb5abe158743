package io.handlestck.mutation;

import io.handlestck.kit.cases.AnswerRulesCases;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit's {@link AnswerRulesCases} as a test class PIT can select, run against the embedded reference server. */
@ExtendWith(EveryFeaturePresent.class)
class MutationAnswerRulesCases extends AnswerRulesCases {
}
