package io.handlestck.kit.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.server.ReferenceServer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;

/**
 * The one rule of parallelism, as a {@code @KitSuite} run reads it from its configuration: one worker
 * per core for the embedded reference server, four per core for any other target.
 */
class KitParallelismTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void withoutATargetTheEmbeddedServerGetsOneWorkerPerCore() {
        assertThat(new KitParallelism().createConfiguration(parameters(Map.of())).getParallelism())
                .isEqualTo(CORES * KitParallelism.EMBEDDED_FACTOR);
    }

    @Test
    void theEmbeddedServerGetsNoWorkersBeyondThoseWhileCasesWaitForItsAnswers() {
        ParallelExecutionConfiguration embedded = new KitParallelism().createConfiguration(parameters(Map.of()));
        assertThat(embedded.getMaxPoolSize()).isEqualTo(embedded.getParallelism());
    }

    @Test
    void aRemoteTargetGetsFourWorkersPerCore() {
        ConfigurationParameters remote = parameters(Map.of("handlestck.endpoint", "http://127.0.0.1:1/acct",
                "handlestck.key", ReferenceServer.DEV_KEY));
        ParallelExecutionConfiguration configuration = new KitParallelism().createConfiguration(remote);
        assertThat(configuration.getParallelism()).isEqualTo(CORES * KitParallelism.REMOTE_FACTOR);
        assertThat(configuration.getMaxPoolSize()).as("room for workers blocked on the network")
                .isGreaterThan(configuration.getParallelism());
    }

    private static ConfigurationParameters parameters(Map<String, String> values) {
        return new ConfigurationParameters() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public Optional<Boolean> getBoolean(String key) {
                return get(key).map(Boolean::parseBoolean);
            }

            @Override
            public Set<String> keySet() {
                return values.keySet();
            }
        };
    }
}
