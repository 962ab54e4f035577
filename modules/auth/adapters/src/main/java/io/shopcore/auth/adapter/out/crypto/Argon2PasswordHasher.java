package io.shopcore.auth.adapter.out.crypto;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.shopcore.auth.adapter.config.AuthConfig;
import io.shopcore.auth.application.port.out.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} (the
 * format of the reference {@code argon2} CLI). Defaults are OWASP's minimum (m=19 MiB, t=2, p=1). The raw
 * function is an {@link Argon2idFunction} (libargon2 or Bouncy Castle, {@link Argon2idSelection}); both give
 * the same bytes, so a stored hash verifies whichever computes it. {@link PasswordHashingPermits} bounds
 * concurrent hashes to about one per core (more would only thrash memory and CPU, and would starve every
 * other endpoint) and how long a caller waits for its turn (then 503 + Retry-After).
 *
 * <p>Created at start-up, so the implementation is chosen and logged then, and {@code native} without the
 * library fails the start instead of the first login.
 */
@Startup
@ApplicationScoped
public class Argon2PasswordHasher implements PasswordHasher {

    private static final Pattern PHC =
            Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Argon2idFunction function;
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final PasswordHashingPermits permits;
    private final String dummyHash;
    private final Timer timer;

    @Inject
    public Argon2PasswordHasher(
            AuthConfig config, Argon2idFunction function, PasswordHashingPermits permits, MeterRegistry registry) {
        this(
                function,
                config.argon2().memoryKib(),
                config.argon2().iterations(),
                config.argon2().parallelism(),
                permits,
                registry);
    }

    /** Bouncy Castle, its pool sized for {@code concurrency} hashes. */
    public Argon2PasswordHasher(
            int memoryKib,
            int iterations,
            int parallelism,
            int concurrency,
            PasswordHashingPermits permits,
            MeterRegistry registry) {
        this(
                new BouncyCastleArgon2id(concurrency, memoryKib, parallelism),
                memoryKib,
                iterations,
                parallelism,
                permits,
                registry);
    }

    public Argon2PasswordHasher(
            Argon2idFunction function,
            int memoryKib,
            int iterations,
            int parallelism,
            PasswordHashingPermits permits,
            MeterRegistry registry) {
        this.function = function;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.permits = permits;
        this.timer = Timer.builder("shopcore_auth_password_hash_seconds")
                .description("Time spent computing Argon2id hashes (excluding the wait for a permit)")
                .register(registry);
        Gauge.builder("shopcore_auth_password_hash_implementation", () -> 1)
                .description("1 for the Argon2id implementation in use: native (libargon2) or java (Bouncy Castle)")
                .tag("implementation", function.name())
                .register(registry);
        this.dummyHash = hash("dummy-password-for-unknown-users");
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = compute(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        Matcher m = PHC.matcher(encodedHash == null ? "" : encodedHash);
        if (!m.matches()) {
            verifyAgainstDummy(password);
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = compute(
                password,
                B64D.decode(m.group(4)),
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public void verifyAgainstDummy(String password) {
        verify(password, dummyHash);
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        Matcher m = PHC.matcher(encodedHash == null ? "" : encodedHash);
        return !m.matches()
                || Integer.parseInt(m.group(1)) < memoryKib
                || Integer.parseInt(m.group(2)) < iterations
                || Integer.parseInt(m.group(3)) != parallelism;
    }

    private byte[] compute(String password, byte[] salt, int memory, int iters, int lanes, int length) {
        byte[] pw = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        // The hash takes its m KiB of working memory (pooled in Java, malloc'd by libargon2), so it belongs inside
        // the permit too: the permits bound memory (concurrency x m) as well as CPU. The wait for one is bounded
        // (OverloadedException).
        permits.acquire();
        try {
            return timer.record(() -> function.compute(pw, salt, memory, iters, lanes, length));
        } finally {
            permits.release();
        }
    }
}
