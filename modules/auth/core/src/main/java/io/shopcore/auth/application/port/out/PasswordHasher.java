package io.shopcore.auth.application.port.out;

/**
 * Adaptive password hashing. Implementations bound how many hashes run at once, since each one
 * deliberately costs tens of milliseconds of CPU and memory.
 */
public interface PasswordHasher {

    /** An encoded hash that carries its own algorithm, parameters and salt. */
    String hash(String password);

    boolean verify(String password, String encodedHash);

    /** Spends the same time as a failed {@link #verify}, for an unknown user, so timing reveals nothing. */
    void verifyAgainstDummy(String password);

    /** True when the hash was made with weaker parameters than the current ones. */
    boolean needsRehash(String encodedHash);
}
