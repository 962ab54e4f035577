package io.shopcore.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void givenRegistration_register_makesACustomerWithANewId() {
        User a = User.register(new Username("alice"), "hash", NOW);
        User b = User.register(new Username("bob"), "hash", NOW);
        assertThat(a.roles()).containsExactly(Role.CUSTOMER);
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void givenCustomer_grantAdmin_keepsBothRoles() {
        User user = User.register(new Username("alice"), "hash", NOW);
        user.grant(Role.ADMIN);
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
    }

    @Test
    void givenNoRoles_reconstitute_isRejected() {
        assertThatThrownBy(() -> User.reconstitute(UserId.random(), new Username("x-y"), "h", Set.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roles_mapToLowerCaseWireNames() {
        assertThat(Role.ADMIN.wireName()).isEqualTo("admin");
        assertThat(Role.fromWire("customer")).isEqualTo(Role.CUSTOMER);
    }
}
