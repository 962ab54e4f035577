package io.shopcore.auth.adapter.out.crypto;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.auth.adapter.config.AuthConfig;
import io.shopcore.infrastructure.capacity.OverloadedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gate in front of Argon2, bounded three ways so that a login flood cannot starve the worker threads
 * every other endpoint needs:
 * <ul>
 *   <li>at most {@code hashing-concurrency} hashes run at once (about one per core: more would only
 *       thrash memory and CPU);</li>
 *   <li>at most {@code hashing-max-waiting} callers wait for a permit; one more is refused at once;</li>
 *   <li>a caller waits at most {@code hashing-max-wait}, then is refused.</li>
 * </ul>
 * Refused means {@link OverloadedException} (503 {@code unavailable} + Retry-After, mapped once in
 * infrastructure). So hashing holds at most concurrency + max-waiting threads, each for a bounded time.
 */
@ApplicationScoped
public class PasswordHashingPermits {

    static final String RESOURCE = "password-hashing";

    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final long maxWaitNanos;
    private final Counter refused;

    @Inject
    public PasswordHashingPermits(AuthConfig config, MeterRegistry registry) {
        this(config.hashingConcurrency(), config.hashingMaxWaiting(), config.hashingMaxWait(), registry);
    }

    public PasswordHashingPermits(int concurrency, int maxWaiting, Duration maxWait, MeterRegistry registry) {
        this.permits = new Semaphore(Math.max(1, concurrency), true);
        this.maxWaiting = Math.max(0, maxWaiting);
        this.maxWaitNanos = Math.max(0, maxWait.toNanos());
        // Queue depth of the hashing gate: logins and sign-ups waiting for a permit (saturation signal).
        Gauge.builder("shopcore_auth_password_hash_waiting", waiting, AtomicInteger::get)
                .description("Password hashes waiting for a permit")
                .register(registry);
        Gauge.builder("shopcore_auth_password_hash_permits_available", permits, Semaphore::availablePermits)
                .description("Free hashing permits")
                .register(registry);
        this.refused = Counter.builder("shopcore_auth_password_hash_refused")
                .description("Password hashes refused (503): too many waiting, or no permit within hashing-max-wait")
                .register(registry);
    }

    /**
     * Takes a permit: at once when one is free; otherwise joins the waiters (refused at once when
     * {@code hashing-max-waiting} are already waiting) for at most {@code hashing-max-wait}.
     *
     * @throws OverloadedException when refused; nothing was hashed
     */
    public void acquire() {
        if (permits.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw refuse("too many waiting for a hashing permit");
        }
        boolean got;
        try {
            got = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!got) {
            throw refuse("no hashing permit within " + Duration.ofNanos(maxWaitNanos));
        }
    }

    /** Gives back a permit taken by {@link #acquire}. */
    public void release() {
        permits.release();
    }

    /** Callers waiting for a permit now. */
    public int waiting() {
        return waiting.get();
    }

    private OverloadedException refuse(String why) {
        refused.increment();
        return new OverloadedException(RESOURCE, why);
    }
}
