package io.shopcore.auth.adapter.out.crypto;

/**
 * The raw Argon2id function (version 0x13): password and salt in, {@code length} hash bytes out. Every
 * implementation gives the same bytes for the same inputs, so a stored hash verifies with any of them.
 * Implementations are thread-safe; the caller bounds how many run at once (PasswordHashingPermits).
 */
public interface Argon2idFunction {

    /**
     * @param memoryKib working memory m in KiB (at least 8 x parallelism)
     * @param iterations passes t over the memory
     * @param parallelism lanes p
     * @param length hash bytes wanted (at least 4)
     */
    byte[] compute(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length);

    /** {@code native} or {@code java}: the value of the metric label and of the configuration key. */
    String name();
}
