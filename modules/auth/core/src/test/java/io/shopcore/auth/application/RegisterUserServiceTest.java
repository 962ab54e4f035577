package io.shopcore.auth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.auth.application.port.in.RegisterUserUseCase;
import io.shopcore.auth.application.port.in.RegisterUserUseCase.Result;
import io.shopcore.auth.application.port.in.UserView;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.InvalidCredentialFormat;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import io.shopcore.auth.domain.Username;
import io.shopcore.auth.testing.FakePasswordHasher;
import io.shopcore.auth.testing.InMemoryUserRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterUserServiceTest {

    final AuthFixture auth = new AuthFixture();

    @Test
    void givenANewUsername_register_storesACustomerWithTheHashedPassword() {
        Result result = auth.register.register(new RegisterUserUseCase.Command("Alice.Smith", "s3cret-pass"));

        User stored = auth.users.findByUsername(new Username("alice.smith")).orElseThrow();
        assertThat(result)
                .isEqualTo(new Result.Registered(
                        new UserView(stored.id().toString(), "alice.smith", List.of("customer"))));
        assertThat(stored.passwordHash()).isEqualTo(FakePasswordHasher.CURRENT + "s3cret-pass");
        assertThat(stored.roles()).containsExactly(Role.CUSTOMER);
        assertThat(stored.createdAt()).isEqualTo(AuthFixture.T0);
    }

    @Test
    void givenATakenUsername_register_answersTakenWithoutPayingForAHash() {
        User first = auth.customer("bob");

        Result result = auth.register.register(new RegisterUserUseCase.Command("BOB", "another-pass"));

        assertThat(result).isEqualTo(new Result.UsernameTaken());
        assertThat(auth.hasher.hashes()).isZero();
        assertThat(auth.users.all()).extracting(User::id).containsExactly(first.id());
        assertThat(auth.users.findById(first.id()).orElseThrow().passwordHash())
                .isEqualTo(FakePasswordHasher.CURRENT + AuthFixture.PASSWORD);
    }

    @Test
    void givenARegistrationThatLosesARace_register_answersTaken() {
        // The name looks free when checked, but another registration inserts it first.
        InMemoryUserRepository stored = new InMemoryUserRepository();
        stored.addIfUsernameFree(User.register(new Username("carol"), "h", AuthFixture.T0));
        UserRepository racing = new UserRepository() {
            @Override
            public Optional<User> findByUsername(Username username) {
                return Optional.empty();
            }

            @Override
            public Optional<User> findById(UserId id) {
                return stored.findById(id);
            }

            @Override
            public boolean addIfUsernameFree(User user) {
                return stored.addIfUsernameFree(user);
            }

            @Override
            public void update(User user) {
                stored.update(user);
            }
        };
        RegisterUserService service = new RegisterUserService(racing, auth.hasher, auth.throttle, auth.clock);

        assertThat(service.register(new RegisterUserUseCase.Command("carol", "long-enough-1")))
                .isEqualTo(new Result.UsernameTaken());
        assertThat(stored.all()).hasSize(1);
    }

    @Test
    void givenMalformedInput_command_isRejectedNamingTheField() {
        assertThatThrownBy(() -> new RegisterUserUseCase.Command("ab", "long-enough-1"))
                .isInstanceOf(InvalidCredentialFormat.class)
                .extracting(e -> ((InvalidCredentialFormat) e).field())
                .isEqualTo("username");
        assertThatThrownBy(() -> new RegisterUserUseCase.Command("dave", "short"))
                .isInstanceOf(InvalidCredentialFormat.class)
                .extracting(e -> ((InvalidCredentialFormat) e).field())
                .isEqualTo("password");
    }
}
