package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import io.shopcore.auth.domain.Username;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link UserRepository} in a map. Like the database it keeps copies, so a changed user is stored only
 * by {@link #update}; adding is atomic per username, also across threads. Kept honest by
 * {@link UserRepositoryContract}.
 */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> rows = new LinkedHashMap<>();

    @Override
    public synchronized Optional<User> findByUsername(Username username) {
        return rows.values().stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .map(InMemoryUserRepository::copy);
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(rows.get(id)).map(InMemoryUserRepository::copy);
    }

    @Override
    public synchronized boolean addIfUsernameFree(User user) {
        boolean taken = rows.values().stream().anyMatch(u -> u.username().equals(user.username()));
        if (taken || rows.containsKey(user.id())) {
            return false;
        }
        rows.put(user.id(), copy(user));
        return true;
    }

    @Override
    public synchronized void update(User user) {
        if (!rows.containsKey(user.id())) {
            throw new IllegalStateException("no user " + user.id());
        }
        rows.put(user.id(), copy(user));
    }

    /** Removes a user, as an operator deleting an account would (refresh then finds no user). */
    public synchronized void remove(UserId id) {
        rows.remove(id);
    }

    /** Changes a user's roles behind the use cases' back, as an operator editing the database would. */
    public synchronized void setRoles(UserId id, Set<Role> roles) {
        User u = rows.get(id);
        rows.put(id, User.reconstitute(u.id(), u.username(), u.passwordHash(), roles, u.createdAt()));
    }

    public synchronized List<User> all() {
        return rows.values().stream().map(InMemoryUserRepository::copy).toList();
    }

    private static User copy(User u) {
        return User.reconstitute(u.id(), u.username(), u.passwordHash(), u.roles(), u.createdAt());
    }
}
