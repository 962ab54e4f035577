package io.shopcore.auth.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * libargon2 and Bouncy Castle give the same bytes for the same input, so a stored hash verifies with either.
 * Seeded, so a failure names a reproducible case. Needs libargon2 (CI installs libargon2-1): without it the
 * constructor throws and these tests fail, on purpose.
 */
class Argon2idCrossImplementationTest {

    private static final long SEED = 20261129L;
    /** {m KiB, t, p}: small memory for speed, odd lane counts, m not a multiple of 4p (both round it down). */
    private static final int[][] PARAMETERS = {
        {8, 1, 1}, {16, 2, 2}, {64, 3, 1}, {96, 1, 3}, {256, 1, 4}, {1024, 2, 1}, {50, 2, 2}
    };

    private static final int[] LENGTHS = {4, 16, 32, 64, 100};

    private final Argon2idFunction nativeArgon2 = new NativeArgon2id();
    private final Argon2idFunction bouncyCastle = new BouncyCastleArgon2id(2, 1024, 1);

    @Test
    void givenManyRandomInputs_computeWithBoth_sameBytes() {
        Random random = new Random(SEED);
        List<byte[]> passwords = new ArrayList<>(List.of(
                new byte[0],
                "비밀번호는 한국어로 씁니다".getBytes(StandardCharsets.UTF_8),
                "pässwörd 🔑 パスワード".getBytes(StandardCharsets.UTF_8),
                bytes(random, 1024),
                "a".repeat(1024).getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 0, 0, 0})); // NUL bytes: the length is passed, nothing is a C string
        for (int i = 0; i < 200; i++) {
            passwords.add(random.nextBoolean() ? bytes(random, random.nextInt(0, 80)) : korean(random));
        }
        int cases = 0;
        for (int i = 0; i < passwords.size(); i++) {
            byte[] password = passwords.get(i);
            byte[] salt = bytes(random, random.nextInt(8, 65));
            int[] p = PARAMETERS[i % PARAMETERS.length];
            int length = LENGTHS[random.nextInt(LENGTHS.length)];
            assertSame(password, salt, p[0], p[1], p[2], length, "case " + i + " (seed " + SEED + ")");
            cases++;
        }
        assertThat(cases).isEqualTo(206);
    }

    @Test
    void givenTheDefaultParameters_computeWithBoth_sameBytes() {
        Random random = new Random(SEED + 1);
        assertSame(bytes(random, 1024), bytes(random, 16), 19_456, 2, 1, 32, "defaults, 1 KiB password");
        assertSame("비밀번호".getBytes(StandardCharsets.UTF_8), bytes(random, 16), 19_456, 2, 1, 32, "defaults, Korean");
    }

    @Test
    void givenTheSameFunction_computeConcurrently_sameBytes() throws Exception {
        byte[] salt = "shopcore-salt-16".getBytes(StandardCharsets.UTF_8);
        byte[] expected = bouncyCastle.compute("pw".getBytes(StandardCharsets.UTF_8), salt, 256, 2, 1, 32);
        List<Thread> threads = new ArrayList<>();
        List<byte[]> results = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread thread = Thread.ofPlatform().start(() -> {
                for (int j = 0; j < 10; j++) {
                    results.add(nativeArgon2.compute("pw".getBytes(StandardCharsets.UTF_8), salt, 256, 2, 1, 32));
                }
            });
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).hasSize(40).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }

    private void assertSame(byte[] password, byte[] salt, int m, int t, int p, int length, String what) {
        byte[] fromNative = nativeArgon2.compute(password, salt, m, t, p, length);
        byte[] fromJava = bouncyCastle.compute(password, salt, m, t, p, length);
        assertThat(HexFormat.of().formatHex(fromNative))
                .as("%s: m=%d t=%d p=%d length=%d password %d bytes", what, m, t, p, length, password.length)
                .isEqualTo(HexFormat.of().formatHex(fromJava))
                .hasSize(2 * length);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    private static byte[] korean(Random random) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(1, 30);
        for (int i = 0; i < n; i++) {
            text.appendCodePoint(random.nextInt(10) == 0 ? ' ' : 0xAC00 + random.nextInt(11_172)); // Hangul syllables
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
