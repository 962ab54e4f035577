package io.shopcore.auth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.auth.application.port.in.EnsureAdminUseCase;
import io.shopcore.auth.domain.InvalidCredentialFormat;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import io.shopcore.auth.testing.FakePasswordHasher;
import org.junit.jupiter.api.Test;

class EnsureAdminServiceTest {

    final AuthFixture auth = new AuthFixture();

    User stored(String name) {
        return auth.users.findByUsername(new Username(name)).orElseThrow();
    }

    @Test
    void givenNoSuchUser_ensureAdmin_createsAnAdmin() {
        auth.ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("Root", "admin-password", false));

        User admin = stored("root");
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.passwordHash()).isEqualTo(FakePasswordHasher.CURRENT + "admin-password");
        assertThat(admin.createdAt()).isEqualTo(AuthFixture.T0);
    }

    @Test
    void givenACustomerOfThatName_ensureAdminWithConsent_grantsAdminWithTheSamePassword() {
        User existing = auth.customer("boss");
        String hash = existing.passwordHash();

        assertThat(auth.ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("boss", AuthFixture.PASSWORD, true)))
                .isEqualTo(EnsureAdminUseCase.Outcome.PROMOTED);

        User admin = stored("boss");
        assertThat(admin.id()).isEqualTo(existing.id());
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
        assertThat(admin.passwordHash()).isEqualTo(hash);
    }

    @Test
    void givenACustomerOfThatName_ensureAdminWithoutConsent_refusesAndChangesNothing() {
        User existing = auth.customer("boss");

        assertThat(auth.ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("boss", AuthFixture.PASSWORD, false)))
                .isEqualTo(EnsureAdminUseCase.Outcome.REFUSED_EXISTING_NON_ADMIN);

        assertThat(stored("boss").roles()).containsExactly(Role.CUSTOMER);
        assertThat(stored("boss").passwordHash()).isEqualTo(existing.passwordHash());
    }

    @Test
    void givenAnAdminWithAnotherPassword_ensureAdmin_resetsThePassword() {
        auth.ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "old-password", false));

        auth.ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "new-password", false));

        assertThat(stored("root").passwordHash()).isEqualTo(FakePasswordHasher.CURRENT + "new-password");
        assertThat(auth.users.all()).hasSize(1);
    }

    @Test
    void givenAnAdminWithAnOutdatedHash_ensureAdmin_rehashesTheSamePassword() {
        auth.users.addIfUsernameFree(
                User.newAdmin(new Username("root"), FakePasswordHasher.OUTDATED + "admin-password", AuthFixture.T0));

        auth.ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "admin-password", false));

        assertThat(stored("root").passwordHash()).isEqualTo(FakePasswordHasher.CURRENT + "admin-password");
    }

    @Test
    void givenMalformedSettings_ensureAdmin_refusesToStart() {
        assertThatThrownBy(() ->
                        auth.ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("x", "admin-password", false)))
                .isInstanceOf(InvalidCredentialFormat.class);
        assertThatThrownBy(() -> auth.ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "short", false)))
                .isInstanceOf(InvalidCredentialFormat.class);
        assertThat(auth.users.all()).isEmpty();
    }
}
