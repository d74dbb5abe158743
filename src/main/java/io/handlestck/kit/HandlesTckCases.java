package io.handlestck.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Marks a class of conformance cases. One annotation instead of five so that no case class can
 * forget one of them: the kit's three extensions ({@link CaseGate} decides whether a case runs,
 * {@link CaseParameters} hands it its {@link CaseContext}, {@link CaseVerdicts} turns its outcome into a
 * status, cleans up and publishes the result), concurrent
 * execution (every case works in its own share, so cases never share state), and display names
 * that carry the case id, its title and the target.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({CaseGate.class, CaseParameters.class, CaseVerdicts.class})
@Execution(ExecutionMode.CONCURRENT)
@DisplayNameGeneration(CaseNames.Generator.class)
public @interface HandlesTckCases {
}
