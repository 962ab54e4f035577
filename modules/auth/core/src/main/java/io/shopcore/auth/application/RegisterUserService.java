package io.shopcore.auth.application;

import io.shopcore.auth.application.port.in.RegisterUserUseCase;
import io.shopcore.auth.application.port.in.UserView;
import io.shopcore.auth.application.port.out.AddressThrottle;
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
    private final AddressThrottle throttle;
    private final Clock clock;

    public RegisterUserService(UserRepository users, PasswordHasher hasher, AddressThrottle throttle, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result register(Command command) {
        // Counted for every attempt, taken names included, before any database work or hashing.
        java.util.Optional<java.time.Duration> blocked =
                throttle.attempt(AddressThrottle.Action.REGISTER, command.clientAddress());
        if (blocked.isPresent()) {
            return new Result.Throttled(blocked.get());
        }
        if (users.findByUsername(command.username()).isPresent()) {
            return new Result.UsernameTaken(); // cheap answer before paying for a hash
        }
        User user =
                User.register(command.username(), hasher.hash(command.password().value()), clock.instant());
        return users.addIfUsernameFree(user) ? new Result.Registered(UserView.of(user)) : new Result.UsernameTaken();
    }
}
