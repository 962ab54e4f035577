package io.shopcore.auth.application;

import io.shopcore.auth.application.port.in.EnsureAdminUseCase;
import io.shopcore.auth.application.port.out.PasswordHasher;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.PlainPassword;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

@ApplicationScoped
public class EnsureAdminService implements EnsureAdminUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public EnsureAdminService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void ensureAdmin(String rawUsername, String rawPassword) {
        Username username = new Username(rawUsername);
        PlainPassword password = new PlainPassword(rawPassword);
        Optional<User> existing = users.findByUsername(username);
        if (existing.isPresent()) {
            User user = existing.get();
            if (!hasher.verify(password.value(), user.passwordHash()) || hasher.needsRehash(user.passwordHash())) {
                user.changePasswordHash(hasher.hash(password.value()));
            }
            user.grant(Role.ADMIN);
            users.update(user);
        } else {
            users.addIfUsernameFree(User.newAdmin(username, hasher.hash(password.value()), clock.instant()));
        }
    }
}
