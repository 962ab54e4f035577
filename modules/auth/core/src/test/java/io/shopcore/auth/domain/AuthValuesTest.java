package io.shopcore.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.auth.application.port.in.UserView;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthValuesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void givenWireNames_roles_roundTripCaseInsensitively() {
        assertThat(Role.CUSTOMER.wireName()).isEqualTo("customer");
        assertThat(Role.fromWire("ADMIN")).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> Role.fromWire("root")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAUuid_userId_parsesAndPrintsIt() {
        UUID raw = UUID.randomUUID();
        assertThat(UserId.parse(raw.toString()).value()).isEqualTo(raw);
        assertThat(new UserId(raw).toString()).isEqualTo(raw.toString());
        assertThat(UserId.random()).isNotEqualTo(UserId.random());
        assertThatThrownBy(() -> new UserId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> UserId.parse("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnAdmin_newAdmin_hasOnlyTheAdminRoleAndTheGivenFields() {
        User admin = User.newAdmin(new Username("root"), "hash", NOW);
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.username().value()).isEqualTo("root");
        assertThat(admin.passwordHash()).isEqualTo("hash");
        assertThat(admin.createdAt()).isEqualTo(NOW);
    }

    @Test
    void givenAUser_roles_isACopyTheCallerCannotChange() {
        User user = User.register(new Username("alice"), "hash", NOW);
        assertThatThrownBy(() -> user.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
        EnumSet<Role> given = EnumSet.of(Role.CUSTOMER);
        User rebuilt = User.reconstitute(user.id(), user.username(), "hash", given, NOW);
        given.add(Role.ADMIN);
        assertThat(rebuilt.roles()).containsExactly(Role.CUSTOMER);
    }

    @Test
    void givenAUser_changePasswordHash_replacesItButNeverWithNull() {
        User user = User.register(new Username("alice"), "old", NOW);
        user.changePasswordHash("new");
        assertThat(user.passwordHash()).isEqualTo("new");
        assertThatThrownBy(() -> user.changePasswordHash(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void givenAUser_userView_showsIdNameAndSortedRoleNames() {
        User user = User.newAdmin(new Username("Root"), "hash", NOW);
        user.grant(Role.CUSTOMER);
        assertThat(UserView.of(user))
                .isEqualTo(new UserView(user.id().toString(), "root", List.of("admin", "customer")));
    }

    @Test
    void givenAFormatError_invalidCredentialFormat_namesTheField() {
        InvalidCredentialFormat e = new InvalidCredentialFormat("password", "too short");
        assertThat(e.field()).isEqualTo("password");
        assertThat(e.getMessage()).isEqualTo("too short");
    }
}
