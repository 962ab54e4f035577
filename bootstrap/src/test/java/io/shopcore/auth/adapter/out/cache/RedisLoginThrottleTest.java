package io.shopcore.auth.adapter.out.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.auth.application.port.out.AddressThrottle;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.domain.Username;
import io.shopcore.bootstrap.support.Concurrently;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The throttle adapters against the real Redis: attempts counted atomically with their expiry, limits, reset on success. */
@QuarkusTest
class RedisLoginThrottleTest {

    @Inject
    LoginThrottle throttle;

    @Inject
    AddressThrottle addressThrottle;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "shopcore.auth.throttle.max-failures-per-username")
    int perUser;

    @ConfigProperty(name = "shopcore.auth.throttle.max-failures-per-address")
    int perAddress;

    private static Username someone() {
        return new Username("thr-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String address() {
        return "198.51." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    private long ttlMillis(String key) {
        return redis.key().pttl(key);
    }

    @Test
    void givenAttemptsUpToTheUsernameLimit_attempt_blocksTheNextForTheRemainingWindow() {
        Username user = someone();
        String address = address();
        for (int i = 0; i < perUser; i++) {
            assertThat(throttle.attempt(user, address)).isEmpty();
        }
        assertThat(throttle.attempt(user, address))
                .hasValueSatisfying(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));
        // Another user from elsewhere is not affected.
        assertThat(throttle.attempt(someone(), address())).isEmpty();
    }

    @Test
    void givenSuccess_recordSuccess_clearsTheUsernameAndRefundsTheAddress() {
        Username user = someone();
        String address = address();
        for (int i = 0; i < perUser; i++) {
            throttle.attempt(user, address);
        }
        throttle.recordSuccess(user, address);
        assertThat(redis.key().exists(RedisLoginThrottle.userKey(user))).isFalse();
        assertThat(redis.value(Long.class).get(RedisLoginThrottle.addressKey(address)))
                .isEqualTo(perUser - 1L);
        assertThat(throttle.attempt(user, address)).isEmpty();
    }

    @Test
    void givenRefundOfAnUnknownAddress_recordSuccess_createsNoKeyWithoutExpiry() {
        String address = address();
        throttle.recordSuccess(someone(), address);
        assertThat(redis.key().exists(RedisLoginThrottle.addressKey(address))).isFalse();
    }

    @Test
    void givenCountedAttempts_refund_decrementsBothKeysAndKeepsTheirExpiry() {
        Username user = someone();
        String address = address();
        throttle.attempt(user, address);
        throttle.attempt(user, address);
        long userTtlBefore = ttlMillis(RedisLoginThrottle.userKey(user));

        throttle.refund(user, address);

        assertThat(redis.value(Long.class).get(RedisLoginThrottle.userKey(user)))
                .isEqualTo(1L);
        assertThat(redis.value(Long.class).get(RedisLoginThrottle.addressKey(address)))
                .isEqualTo(1L);
        assertThat(ttlMillis(RedisLoginThrottle.userKey(user)))
                .as("the window is kept, not restarted")
                .isPositive()
                .isLessThanOrEqualTo(userTtlBefore);
        assertThat(ttlMillis(RedisLoginThrottle.addressKey(address))).isPositive();

        throttle.refund(user, address);
        throttle.refund(user, address);

        assertThat(redis.key().exists(RedisLoginThrottle.userKey(user), RedisLoginThrottle.addressKey(address)))
                .as("a count back at zero is deleted, never negative")
                .isZero();
    }

    @Test
    void givenNoCounter_refund_createsNoKey() {
        Username user = someone();
        String address = address();

        throttle.refund(user, address);

        assertThat(redis.key().exists(RedisLoginThrottle.userKey(user), RedisLoginThrottle.addressKey(address)))
                .isZero();
    }

    @Test
    void givenAttemptsFromOneAddressAcrossUsernames_attempt_blocksTheAddress() {
        String address = address();
        for (int i = 0; i < perAddress; i++) {
            throttle.attempt(someone(), address);
        }
        assertThat(throttle.attempt(someone(), address)).isPresent();
        assertThat(throttle.attemptFromAddress(address)).isPresent();
        assertThat(throttle.attempt(someone(), address())).isEmpty();
    }

    @Test
    void givenMalformedUsernames_attemptFromAddress_countsAgainstTheAddress() {
        String address = address();
        for (int i = 0; i < perAddress; i++) {
            assertThat(throttle.attemptFromAddress(address)).isEmpty();
        }
        assertThat(throttle.attemptFromAddress(address)).isPresent();
        assertThat(throttle.attempt(someone(), address)).isPresent();
    }

    @Test
    void givenAnyCount_everyCounterKeyHasAnExpiry() {
        Username user = someone();
        String address = address();
        throttle.attempt(user, address);
        assertThat(ttlMillis(RedisLoginThrottle.userKey(user))).isPositive();
        assertThat(ttlMillis(RedisLoginThrottle.addressKey(address))).isPositive();
        throttle.recordSuccess(user, address);
        throttle.attempt(user, address);
        throttle.attempt(user, address);
        throttle.recordSuccess(user, address);
        assertThat(ttlMillis(RedisLoginThrottle.addressKey(address))).isPositive();
        addressThrottle.attempt(AddressThrottle.Action.REGISTER, address);
        assertThat(ttlMillis(RedisAddressThrottle.key(AddressThrottle.Action.REGISTER, address)))
                .isPositive();
    }

    @Test
    void givenACounterLeftWithoutExpiry_attempt_repairsIt() {
        Username user = someone();
        String key = RedisLoginThrottle.userKey(user);
        // What the old INCR-then-EXPIRE code left behind when it died between the two commands.
        redis.value(Long.class).set(key, 100L);
        assertThat(ttlMillis(key)).isEqualTo(-1);
        assertThat(throttle.attempt(user, address())).isPresent();
        assertThat(ttlMillis(key))
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void givenFiftyConcurrentAttemptsForOneUser_attempt_letsAtMostTheLimitThrough() throws Exception {
        Username user = someone();
        List<Optional<Duration>> results = Concurrently.run(50, () -> throttle.attempt(user, address()));
        // At most the limit; possibly fewer, since the in-process count of this instance also decides
        // (RedisWindowCounters).
        assertThat(results.stream().filter(Optional::isEmpty).count()).isLessThanOrEqualTo(perUser);
        assertThat(ttlMillis(RedisLoginThrottle.userKey(user))).isPositive();
    }
}
