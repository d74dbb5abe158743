package io.handlestck.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handlestck.server.http.ServiceError;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The naming rules of Azure Files for paths below a share, and trailing-dot trimming. */
class ResourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "with space", "caf\u00e9", "\u6587\u4ef6", "dir\ufffe", "a.b", "-x-", "x%2", "#hash", "255x"})
    void validNamesAreKept(String name) {
        assertThat(Resources.validatePath(List.of(name), true)).containsExactly(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a\"b", "a\\b", "a/b", "a:b", "a|b", "a<b", "a>b", "a*b", "a?b", "a\u0000b", "tab\tname"})
    void invalidNamesAre400InvalidResourceName(String name) {
        assertThatThrownBy(() -> Resources.validatePath(List.of(name), true))
                .isInstanceOfSatisfying(ServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.code()).isEqualTo("InvalidResourceName");
                });
    }

    @Test
    void aNameLongerThan255CharactersIsRefused() {
        assertThat(Resources.validatePath(List.of("x".repeat(255)), true)).hasSize(1);
        assertThatThrownBy(() -> Resources.validatePath(List.of("x".repeat(256)), true)).isInstanceOf(ServiceError.class);
    }

    @Test
    void aPathDeeperOrLongerThanTheServiceAllowsIsRefused() {
        assertThat(Resources.validatePath(Collections.nCopies(250, "d"), true)).hasSize(250);
        assertThatThrownBy(() -> Resources.validatePath(Collections.nCopies(251, "d"), true)).isInstanceOf(ServiceError.class);
        assertThatThrownBy(() -> Resources.validatePath(Collections.nCopies(10, "x".repeat(250)), true)).isInstanceOf(ServiceError.class);
    }

    @Test
    void trailingDotsAreTrimmedUnlessTheClientKeepsThem() {
        assertThat(Resources.validatePath(List.of("dir..", "file."), false)).containsExactly("dir", "file");
        assertThat(Resources.validatePath(List.of("dir..", "file."), true)).containsExactly("dir..", "file.");
        assertThatThrownBy(() -> Resources.validatePath(List.of("..."), false)).isInstanceOf(ServiceError.class);
    }
}
