package io.shopcore.auth.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(
            MEMORY_KIB, ITERATIONS, 1, 2, new PasswordHashingPermits(2, 4, Duration.ofSeconds(5), registry), registry);

    @Test
    void reusedWorkingMemory_givesTheSameHashAsAFreshGenerator() {
        for (int i = 0; i < 3; i++) { // every round after the first runs on blocks returned to the pool
            String password = "correct horse battery staple " + i;
            String encoded = hasher.hash(password);
            String[] parts = encoded.split("\\$");
            assertThat(parts[3]).isEqualTo("m=19456,t=2,p=1");
            byte[] salt = Base64.getDecoder().decode(parts[4]);
            assertThat(Base64.getEncoder().withoutPadding().encodeToString(unpooled(password, salt)))
                    .isEqualTo(parts[5]);
        }
    }

    @Test
    void verifiesTheRightPasswordOnlyAcrossManyHashes() {
        String first = hasher.hash("first-password");
        String second = hasher.hash("second-password");
        assertThat(hasher.verify("first-password", first)).isTrue();
        assertThat(hasher.verify("second-password", second)).isTrue();
        assertThat(hasher.verify("second-password", first)).isFalse();
        assertThat(hasher.verify("first-password", second)).isFalse();
        assertThat(hasher.verify("first-password", "not-a-phc-string")).isFalse();
    }

    private static byte[] unpooled(String password, byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(MEMORY_KIB)
                .withIterations(ITERATIONS)
                .withParallelism(1)
                .build());
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
