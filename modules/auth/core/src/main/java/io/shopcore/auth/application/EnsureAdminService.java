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
    private final AccountChanges changes;
    private final Clock clock;

    public EnsureAdminService(UserRepository users, PasswordHasher hasher, AccountChanges changes, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Outcome ensureAdmin(Command command) {
        Username username = new Username(command.username());
        PlainPassword password = new PlainPassword(command.password());
        Optional<User> existing = users.findByUsername(username);
        if (existing.isEmpty()) {
            boolean added =
                    users.addIfUsernameFree(User.newAdmin(username, hasher.hash(password.value()), clock.instant()));
            // Lost a race with a registration of the same name: that account is not ours to promote.
            return added ? Outcome.CREATED : Outcome.REFUSED_EXISTING_NON_ADMIN;
        }
        User user = existing.get();
        boolean wasAdmin = user.hasRole(Role.ADMIN);
        if (!wasAdmin && !command.promoteExisting()) {
            return Outcome.REFUSED_EXISTING_NON_ADMIN;
        }
        boolean passwordChanged = !hasher.verify(password.value(), user.passwordHash());
        if (passwordChanged || !wasAdmin) {
            user.changePasswordHash(hasher.hash(password.value()));
            user.grant(Role.ADMIN);
            changes.saveCredentialChange(user);
            return wasAdmin ? Outcome.PASSWORD_RESET : Outcome.PROMOTED;
        }
        if (hasher.needsRehash(user.passwordHash())) {
            // Same password, stronger parameters: not a credential change, sessions stay.
            user.changePasswordHash(hasher.hash(password.value()));
            users.update(user);
        }
        return Outcome.UNCHANGED;
    }
}
