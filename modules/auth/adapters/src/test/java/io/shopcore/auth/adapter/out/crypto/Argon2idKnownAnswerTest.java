package io.shopcore.auth.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixed vectors from the reference CLI (Debian package {@code argon2}, over libargon2 0~20171227), checked
 * against both implementations and through the hasher, whose PHC strings are the CLI's {@code -e} format.
 * Needs libargon2 (CI installs libargon2-1): without it these tests fail, on purpose.
 */
class Argon2idKnownAnswerTest {

    // echo -n "correct horse battery staple" | argon2 "shopcore-salt-16" -id -t 2 -k 19456 -p 1 -l 32 -r
    private static final String DEFAULTS_RAW = "a4901bf154a5557bbddd097e5f1d69190ac3eeac5f6f581a9ab958f4a68cba0b";
    // echo -n "correct horse battery staple" | argon2 "shopcore-salt-16" -id -t 2 -k 19456 -p 1 -l 32 -e
    private static final String DEFAULTS_PHC =
            "$argon2id$v=19$m=19456,t=2,p=1$c2hvcGNvcmUtc2FsdC0xNg$pJAb8VSlVXu93Ql+Xx1pGQrD7qxfb1gamrlY9KaMugs";
    // printf '%s' "한국어 비밀번호 🔑" | argon2 "saltsaltsalt" -id -t 3 -k 64 -p 2 -l 16 -r   (UTF-8 input)
    private static final String KOREAN_RAW = "c72894152deb2e1f981a68dd4ad3e402";

    static Stream<Argon2idFunction> implementations() {
        return Stream.of(new NativeArgon2id(), new BouncyCastleArgon2id(1, 19_456, 1));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void givenTheCliVectors_compute_matchesTheCli(Argon2idFunction function) {
        assertThat(hex(function.compute(
                        utf8("correct horse battery staple"), utf8("shopcore-salt-16"), 19_456, 2, 1, 32)))
                .isEqualTo(DEFAULTS_RAW);
        assertThat(hex(function.compute(utf8("한국어 비밀번호 🔑"), utf8("saltsaltsalt"), 64, 3, 2, 16)))
                .isEqualTo(KOREAN_RAW);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void givenTheCliPhcString_verify_acceptsTheRightPasswordOnly(Argon2idFunction function) {
        Argon2PasswordHasher hasher = hasher(function);
        assertThat(hasher.verify("correct horse battery staple", DEFAULTS_PHC)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", DEFAULTS_PHC)).isFalse();
        assertThat(hasher.needsRehash(DEFAULTS_PHC)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void givenAHashFromOneImplementation_verifyWithTheOther_agrees(Argon2idFunction first) {
        Argon2idFunction other =
                first instanceof NativeArgon2id ? new BouncyCastleArgon2id(1, 19_456, 1) : new NativeArgon2id();
        Argon2PasswordHasher hashing = hasher(first);
        Argon2PasswordHasher verifying = hasher(other);
        for (String password : new String[] {"비밀번호 123", "", "x".repeat(128)}) {
            String stored = hashing.hash(password);
            assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(verifying.verify(password, stored))
                    .as(first.name() + " -> " + other.name())
                    .isTrue();
            assertThat(verifying.verify(password + "!", stored)).isFalse();
        }
    }

    private static Argon2PasswordHasher hasher(Argon2idFunction function) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new Argon2PasswordHasher(
                function, 19_456, 2, 1, new PasswordHashingPermits(2, 4, Duration.ofSeconds(30), registry), registry);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
