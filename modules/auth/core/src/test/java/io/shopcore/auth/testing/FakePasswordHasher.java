package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reversible stand-in for the Argon2 hasher: {@code "fake$v2$" + password}. Hashes with the older
 * prefix {@code "fake$v1$"} verify too but report {@link #needsRehash}. Counts what was asked of it, so
 * tests can see that an expensive hash was (or was not) paid for.
 */
public final class FakePasswordHasher implements PasswordHasher {

    public static final String CURRENT = "fake$v2$";
    public static final String OUTDATED = "fake$v1$";

    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicInteger dummyVerifications = new AtomicInteger();

    @Override
    public String hash(String password) {
        hashes.incrementAndGet();
        return CURRENT + password;
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        verifications.incrementAndGet();
        return (CURRENT + password).equals(encodedHash) || (OUTDATED + password).equals(encodedHash);
    }

    @Override
    public void verifyAgainstDummy(String password) {
        dummyVerifications.incrementAndGet();
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return !encodedHash.startsWith(CURRENT);
    }

    public int hashes() {
        return hashes.get();
    }

    public int verifications() {
        return verifications.get();
    }

    public int dummyVerifications() {
        return dummyVerifications.get();
    }
}
