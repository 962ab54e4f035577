package io.shopcore.auth.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpaqueTokensTest {

    @Test
    void givenNewTokens_newToken_isUrlSafe256BitsAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = OpaqueTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void givenAToken_digest_isItsBase64UrlSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(OpaqueTokens.digest("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
        assertThat(OpaqueTokens.digest("abc"))
                .isEqualTo(OpaqueTokens.digest("abc"))
                .isNotEqualTo(OpaqueTokens.digest("abd"));
    }
}
