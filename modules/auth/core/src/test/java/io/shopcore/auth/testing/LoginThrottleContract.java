package io.shopcore.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.domain.Username;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginThrottle} does with limits and refunds; run against {@link InMemoryLoginThrottle}
 * and the Redis adapter. Names and addresses are unique per test, so a shared store needs no cleanup.
 */
public abstract class LoginThrottleContract {

    protected abstract LoginThrottle throttle();

    protected abstract int maxPerUsername();

    protected abstract int maxPerAddress();

    protected static Username someone() {
        return new Username("lt-" + UUID.randomUUID().toString().substring(0, 8));
    }

    protected static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(
                "2001:db8:%x:%x:%x:%x::1",
                random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000));
    }

    @Test
    void givenAttemptsUpToTheUsernameLimit_attempt_refusesTheNext() {
        Username user = someone();
        String address = address();
        for (int i = 0; i < maxPerUsername(); i++) {
            assertThat(throttle().attempt(user, address)).isEmpty();
        }

        assertThat(throttle().attempt(user, address)).isPresent();
    }

    @Test
    void givenAnAttemptWithoutVerdict_refund_givesItBack() {
        Username user = someone();
        String address = address();
        for (int i = 0; i < maxPerUsername(); i++) {
            assertThat(throttle().attempt(user, address)).isEmpty();
        }

        throttle().refund(user, address);

        assertThat(throttle().attempt(user, address)).as("the refunded attempt").isEmpty();
        assertThat(throttle().attempt(user, address)).isPresent();
    }

    @Test
    void givenEveryAttemptRefunded_attempt_neverThrottles() {
        Username user = someone();
        String address = address();
        for (int i = 0; i < 3 * maxPerUsername(); i++) {
            assertThat(throttle().attempt(user, address)).isEmpty();
            throttle().refund(user, address);
        }
    }

    @Test
    void givenMoreRefundsThanAttempts_refund_neverGoesBelowZero() {
        Username user = someone();
        String address = address();
        throttle().attempt(user, address);
        for (int i = 0; i < 3; i++) {
            throttle().refund(user, address);
        }

        for (int i = 0; i < maxPerUsername(); i++) {
            assertThat(throttle().attempt(user, address)).isEmpty();
        }
        assertThat(throttle().attempt(user, address))
                .as("surplus refunds earned no extra attempts")
                .isPresent();
    }

    @Test
    void givenNoAttemptAtAll_refund_isHarmless() {
        Username user = someone();
        String address = address();

        throttle().refund(user, address);

        for (int i = 0; i < maxPerUsername(); i++) {
            assertThat(throttle().attempt(user, address)).isEmpty();
        }
        assertThat(throttle().attempt(user, address)).isPresent();
    }

    @Test
    void givenAnAddressAtItsLimit_refund_givesTheAddressItsAttemptBack() {
        String address = address();
        Username last = null;
        for (int i = 0; i < maxPerAddress(); i++) {
            last = someone();
            assertThat(throttle().attempt(last, address)).isEmpty();
        }

        // Before any refusal: whether a refused attempt counts too is the implementation's choice.
        throttle().refund(last, address);

        assertThat(throttle().attempt(someone(), address)).isEmpty();
        assertThat(throttle().attempt(someone(), address)).isPresent();
    }

    @Test
    void givenEarlierFailures_recordSuccess_clearsTheUsername() {
        Username user = someone();
        String address = address();
        for (int i = 0; i < maxPerUsername() - 1; i++) {
            throttle().attempt(user, address);
        }
        assertThat(throttle().attempt(user, address)).isEmpty();

        throttle().recordSuccess(user, address);

        for (int i = 0; i < maxPerUsername(); i++) {
            assertThat(throttle().attempt(user, address)).isEmpty();
        }
    }
}
