package io.shopcore.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "Alice.Smith",
                "user_1-2",
                "a234567890123456789012345678901234567890123456789012345678901234"
            })
    void givenAllowedName_username_isAcceptedAndLowerCased(String raw) {
        assertThat(new Username(raw).value()).isEqualTo(raw.toLowerCase());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "ab",
                "has space",
                "ünïcode",
                "semi;colon",
                "a2345678901234567890123456789012345678901234567890123456789012345"
            })
    void givenBadName_username_isRejectedNamingTheField(String raw) {
        assertThatThrownBy(() -> new Username(raw))
                .isInstanceOf(InvalidCredentialFormat.class)
                .extracting(e -> ((InvalidCredentialFormat) e).field())
                .isEqualTo("username");
        assertThat(Username.isValid(raw)).isFalse();
    }

    @Test
    void givenLengthBounds_password_acceptsEightToOneHundredTwentyEight() {
        assertThat(new PlainPassword("12345678").value()).hasSize(8);
        assertThat(new PlainPassword("x".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> new PlainPassword("1234567")).isInstanceOf(InvalidCredentialFormat.class);
        assertThatThrownBy(() -> new PlainPassword("x".repeat(129))).isInstanceOf(InvalidCredentialFormat.class);
        assertThatThrownBy(() -> new PlainPassword(null)).isInstanceOf(InvalidCredentialFormat.class);
    }

    @Test
    void givenPassword_toString_neverShowsIt() {
        assertThat(new PlainPassword("super-secret-1").toString()).isEqualTo("PlainPassword[****]");
    }
}
