package io.shopcore.auth.adapter.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code shopcore.auth.*} and {@code shopcore.admin.*}; documented in docs/operations.md. */
@ConfigMapping(prefix = "shopcore.auth")
public interface AuthConfig {

    Jwt jwt();

    @WithDefault("15m")
    Duration accessTokenTtl();

    @WithDefault("14d")
    Duration refreshTokenTtl();

    Argon2 argon2();

    /** How many password hashes may run at once. */
    @WithDefault("2")
    int hashingConcurrency();

    /** How long a login or registration waits for a hashing permit; then 503 unavailable + Retry-After. */
    @WithDefault("2s")
    Duration hashingMaxWait();

    /**
     * Logins and registrations waiting for a hashing permit at most (each holds a worker thread while it
     * waits); beyond, a request is answered 503 + Retry-After at once instead of queueing.
     */
    @WithDefault("16")
    int hashingMaxWaiting();

    Throttle throttle();

    VerifiedTokenCache verifiedTokenCache();

    RefreshTokenPurge refreshTokenPurge();

    /** Bearer tokens already verified are remembered until they expire (CachingJwtParser). */
    interface VerifiedTokenCache {
        @WithDefault("true")
        boolean enabled();

        /**
         * Upper bound of the heap the cache may hold, estimated per entry from the token's length
         * (CachingJwtParser#weigh); the least recently used entries go first.
         */
        @WithDefault("32M")
        MemorySize maxMemory();

        @WithDefault("5m")
        Duration ttl();
    }

    interface Jwt {
        String issuer();

        String audience();
    }

    interface Argon2 {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();

        /**
         * Who computes the hash: {@code auto} (libargon2 when it loads, else Bouncy Castle with a warning),
         * {@code native} (libargon2, or the start fails) or {@code java} (Bouncy Castle). Both give the same
         * bytes, so stored hashes verify with either.
         */
        @WithDefault("auto")
        Implementation implementation();

        enum Implementation {
            AUTO,
            NATIVE,
            JAVA
        }
    }

    interface Throttle {
        @WithDefault("5")
        int maxFailuresPerUsername();

        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("5m")
        Duration window();

        /** Registration attempts per client address within the window. */
        @WithDefault("20")
        int maxRegistrationsPerAddress();

        /** Refresh-token exchanges per client address within the window. */
        @WithDefault("300")
        int maxRefreshesPerAddress();
    }

    /** Scheduled deletion of revoked and expired refresh tokens (RefreshTokenPurgeJob). */
    interface RefreshTokenPurge {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("10m")
        Duration interval();

        @WithDefault("1000")
        int batchSize();

        @WithDefault("50")
        int maxBatchesPerRun();
    }
}
