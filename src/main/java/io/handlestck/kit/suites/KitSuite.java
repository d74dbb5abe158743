package io.handlestck.kit.suites;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.Suite;

/**
 * Makes a class a suite of kit cases, run the way the kit's own runner runs them: Jupiter only, cases
 * in parallel (every case works in its own share), as many at once as {@link
 * io.handlestck.kit.run.KitParallelism} says. One annotation so that the suites cannot drift apart.
 *
 * <p>Run a suite from your own build ({@code mvn test -Dtest=AllCasesSuite}) or your IDE. The target
 * comes from system properties or the environment ({@code handlestck.endpoint}, {@code handlestck.account},
 * {@code handlestck.key} or {@code handlestck.connectionString}; {@code HANDLESTCK_ENDPOINT}...; a YAML
 * file through {@code handlestck.config}); without one the kit starts its embedded reference server.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Suite
@IncludeEngines("junit-jupiter")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.enabled", value = "true")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.mode.default", value = "concurrent")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.mode.classes.default", value = "concurrent")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.config.strategy", value = "custom")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.config.custom.class",
        value = "io.handlestck.kit.run.KitParallelism")
public @interface KitSuite {
}
