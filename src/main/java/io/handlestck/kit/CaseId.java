package io.handlestck.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a case method to its catalogue entry ({@code suites/*.yaml}). The id is how reports, the
 * CLI's {@code --case} selection and the meta-tests find a case, so it must never change once
 * published; exactly one method carries each id.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CaseId {
    /** The catalogue id, e.g. {@code FCH-001}. */
    String value();
}
