package io.shopcore.auth.adapter.out.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.domain.Username;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The throttle adapter against the real Redis: per-username and per-address limits, reset on success. */
@QuarkusTest
class RedisLoginThrottleTest {

    @Inject
    LoginThrottle throttle;

    @ConfigProperty(name = "shopcore.auth.throttle.max-failures-per-username")
    int perUser;

    @ConfigProperty(name = "shopcore.auth.throttle.max-failures-per-address")
    int perAddress;

    private static Username someone() {
        return new Username("thr-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void givenFailuresUpToTheUsernameLimit_blockedFor_answersTheRemainingWindow() {
        Username user = someone();
        String address = "198.51.100." + (int) (Math.random() * 200);
        for (int i = 0; i < perUser - 1; i++) {
            throttle.recordFailure(user, address);
        }
        assertThat(throttle.blockedFor(user, address)).isEmpty();
        throttle.recordFailure(user, address);
        assertThat(throttle.blockedFor(user, address)).hasValueSatisfying(d ->
                assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));
        // Another user from elsewhere is not affected.
        assertThat(throttle.blockedFor(someone(), "198.51.100.250")).isEmpty();
    }

    @Test
    void givenSuccess_recordSuccess_clearsTheUsernameCounter() {
        Username user = someone();
        for (int i = 0; i < perUser; i++) {
            throttle.recordFailure(user, "203.0.113.9");
        }
        throttle.recordSuccess(user);
        assertThat(throttle.blockedFor(user, "203.0.113.10")).isEmpty();
    }

    @Test
    void givenFailuresFromOneAddressAcrossUsernames_blockedFor_blocksTheAddress() {
        String address = "192.0.2." + (int) (Math.random() * 250);
        for (int i = 0; i < perAddress; i++) {
            throttle.recordFailure(someone(), address);
        }
        assertThat(throttle.blockedFor(someone(), address)).isPresent();
        assertThat(throttle.blockedFor(someone(), "192.0.2.251")).isEmpty();
    }
}
