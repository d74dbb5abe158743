package io.handlestck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Where the bearer cases get their token (flag, system property, environment, or a command that
 * prints one), and that neither the token nor a failing command's output reaches a message or the
 * redacted configuration.
 */
class BearerTokenConfigTest {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln";

    @Test
    void theEnvironmentGivesTheTokenAndTheRedactedViewHidesIt() {
        KitConfig config = KitConfig.resolve(Map.of(), new Properties(), Map.of("HANDLESTCK_BEARER_TOKEN", TOKEN), null);
        assertThat(config.bearerToken()).isEqualTo(TOKEN);
        assertThat(config.secrets()).contains(TOKEN);
        assertThat(config.redacted()).containsEntry("bearerToken", "<redacted>");
        assertThat(config.toString()).doesNotContain(TOKEN);
        assertThat(config.origins()).containsEntry("bearerToken", "environment HANDLESTCK_BEARER_TOKEN");
    }

    @Test
    void aGivenTokenWinsOverACommand() {
        KitConfig config = KitConfig.resolve(Map.of("bearerToken", TOKEN), new Properties(),
                Map.of("HANDLESTCK_BEARER_TOKEN_COMMAND", "exit 7"), null);
        assertThat(config.bearerToken()).isEqualTo(TOKEN);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the commands below are POSIX shell")
    void aCommandPrintsTheToken() {
        KitConfig config = KitConfig.resolve(Map.of("bearerTokenCommand", "printf '%s\\n' " + TOKEN), new Properties(),
                Map.of(), null);
        assertThat(config.bearerToken()).isEqualTo(TOKEN);
        assertThat(config.redacted().toString()).doesNotContain(TOKEN);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the commands below are POSIX shell")
    void aFailingCommandIsOneSentenceWithItsExitCodeAndFirstErrorLine() {
        assertThatThrownBy(() -> KitConfig.resolve(Map.of("bearerTokenCommand",
                "echo " + TOKEN + "; echo 'Please run az login' >&2; exit 3"), new Properties(), Map.of(), null))
                .isInstanceOf(KitConfigException.class)
                .hasMessage("bearerTokenCommand (command line) exited with 3: Please run az login")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the commands below are POSIX shell")
    void aCommandPrintingMoreThanOneTokenIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> KitConfig.resolve(Map.of("bearerTokenCommand", "echo " + TOKEN + " " + TOKEN),
                new Properties(), Map.of(), null))
                .isInstanceOf(KitConfigException.class)
                .hasMessageContaining("must print exactly one token")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aTokenWithTheSchemeInFrontIsRefused() {
        assertThatThrownBy(() -> KitConfig.resolve(Map.of("bearerToken", "Bearer " + TOKEN), new Properties(), Map.of(), null))
                .isInstanceOf(KitConfigException.class)
                .hasMessage("bearerToken (command line) must be the token alone, without 'Bearer ' or spaces");
    }
}
