package io.handlestck.kit.run;

import io.handlestck.kit.KitSession;
import io.handlestck.kit.config.KitConfigException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

/**
 * How many cases run at once, the same for the kit's runner and for a user's {@code @KitSuite}: one
 * worker per core against the embedded reference server, four per core against any other target.
 * Against a remote target the cases mostly wait on the network, so more threads than cores pay off;
 * against the embedded server the kit and the server share the cores and cases are CPU-bound, so more
 * threads only make cases wait for each other (bench, 18:20 UTC, 2 cores: a warm run took 6.5 s with
 * four per core and 6.2 s serially). Named as JUnit's {@code custom} strategy by both.
 */
public final class KitParallelism implements ParallelExecutionConfigurationStrategy {

    /** Worker threads per core against a remote target. */
    static final int REMOTE_FACTOR = 4;
    /** Worker threads per core against the embedded reference server. */
    static final int EMBEDDED_FACTOR = 1;

    @Override
    public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
        boolean embedded = embedded(parameters);
        int parallelism = Runtime.getRuntime().availableProcessors() * (embedded ? EMBEDDED_FACTOR : REMOTE_FACTOR);
        // A worker blocked on an answer makes the pool start another (JUnit's strategies leave it room for 256).
        // Against a remote target that keeps the network busy; against the embedded server the blocked case has
        // handed its core to the server in this JVM, and another case would only compete for it: a run started
        // about a hundred workers, and took about 0.87x the CPU without them (bench/history.md, 2026-12-02).
        int maxPoolSize = embedded ? parallelism : parallelism + 256;
        return new ParallelExecutionConfiguration() {
            @Override
            public int getParallelism() {
                return parallelism;
            }

            @Override
            public int getMinimumRunnable() {
                return parallelism;
            }

            @Override
            public int getMaxPoolSize() {
                return maxPoolSize;
            }

            @Override
            public int getCorePoolSize() {
                return parallelism;
            }

            @Override
            public int getKeepAliveSeconds() {
                return 30;
            }

            @Override
            public Predicate<? super ForkJoinPool> getSaturatePredicate() {
                return pool -> true;
            }
        };
    }

    /** The runner's session says; a suite run reads the same configuration its session will. */
    private static boolean embedded(ConfigurationParameters parameters) {
        return parameters.get(KitSession.SESSION_PARAMETER).map(KitSession::embeddedServer).orElseGet(() -> {
            try {
                return KitSession.configFrom(parameters::get).embedded();
            } catch (KitConfigException badConfiguration) {
                return false; // every case reports the configuration error when it opens its session
            }
        });
    }
}
