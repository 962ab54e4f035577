package io.shopcore.auth.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopcore.infrastructure.capacity.OverloadedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hashing gate: bounded concurrency, bounded waiters, bounded wait; refusals are OverloadedException. */
class PasswordHashingPermitsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void givenAllPermitsHeld_acquire_waitsAtMostMaxWait_thenIsRefusedWithRetryAfter() {
        var permits = new PasswordHashingPermits(2, 16, Duration.ofMillis(50), registry);
        permits.acquire();
        permits.acquire();

        assertThatThrownBy(permits::acquire)
                .isInstanceOfSatisfying(
                        OverloadedException.class,
                        e -> assertThat(e.retryAfter()).isPositive())
                .hasMessageContaining("password-hashing");
        assertThat(permits.waiting()).isZero();
        assertThat(registry.get("shopcore_auth_password_hash_refused").counter().count())
                .isEqualTo(1.0);

        permits.release();
        permits.acquire(); // a released permit is handed out again
    }

    @Test
    void givenAllPermitsHeldAndTheWaitersFull_acquire_isRefusedAtOnce_andTheWaiterGetsTheNextPermit() throws Exception {
        var permits = new PasswordHashingPermits(1, 1, Duration.ofMinutes(1), registry);
        permits.acquire();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(permits::acquire);
        while (permits.waiting() < 1) {
            Thread.onSpinWait();
        }

        // The waiter's wait is a minute: only the waiters bound can refuse this one, so it is refused at once.
        assertThatThrownBy(permits::acquire).isInstanceOf(OverloadedException.class);
        assertThat(waiter).isNotDone();

        permits.release();
        waiter.get(30, TimeUnit.SECONDS);
        assertThat(permits.waiting()).isZero();
    }

    @Test
    void givenAFreePermit_acquire_succeedsEvenWithNoWaitersAllowed() {
        var permits = new PasswordHashingPermits(1, 0, Duration.ZERO, registry);
        permits.acquire();
        assertThatThrownBy(permits::acquire).isInstanceOf(OverloadedException.class);
        permits.release();
        permits.acquire();
    }
}
