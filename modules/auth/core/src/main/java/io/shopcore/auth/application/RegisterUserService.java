package io.shopcore.auth.application;

import io.shopcore.auth.application.port.in.RegisterUserUseCase;
import io.shopcore.auth.application.port.in.UserView;
import io.shopcore.auth.application.port.out.PasswordHasher;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class RegisterUserService implements RegisterUserUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public RegisterUserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result register(Command command) {
        if (users.findByUsername(command.username()).isPresent()) {
            return new Result.UsernameTaken(); // cheap answer before paying for a hash
        }
        User user = User.register(command.username(), hasher.hash(command.password().value()), clock.instant());
        return users.addIfUsernameFree(user) ? new Result.Registered(UserView.of(user)) : new Result.UsernameTaken();
    }
}
