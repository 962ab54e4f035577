package io.shopcore.auth.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verifier's maximum token lifetime follows the access-token lifetime; a lower explicit one is refused. */
class AccessTokenLifetimeTest {

    @Test
    void givenQuarkusDurationFormats_parse_readsThemAll() {
        assertThat(AccessTokenLifetimeConfigSourceFactory.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(AccessTokenLifetimeConfigSourceFactory.parse("30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(AccessTokenLifetimeConfigSourceFactory.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(AccessTokenLifetimeConfigSourceFactory.parse("PT45M")).isEqualTo(Duration.ofMinutes(45));
        assertThat(AccessTokenLifetimeConfigSourceFactory.parse("900")).isEqualTo(Duration.ofSeconds(900));
        assertThat(AccessTokenLifetimeConfigSourceFactory.parse("1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void givenAnExplicitVerifierLimitBelowTheLifetime_startUpIsRefused() {
        assertThatThrownBy(() -> AuthWiring.requireTokenLifetimeAccepted(Duration.ofMinutes(30), Optional.of(900L)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("smallrye.jwt.time-to-live");
        assertThatCode(() -> AuthWiring.requireTokenLifetimeAccepted(Duration.ofMinutes(30), Optional.of(1800L)))
                .doesNotThrowAnyException();
        assertThatCode(() -> AuthWiring.requireTokenLifetimeAccepted(Duration.ofMinutes(30), Optional.empty()))
                .doesNotThrowAnyException();
    }
}
