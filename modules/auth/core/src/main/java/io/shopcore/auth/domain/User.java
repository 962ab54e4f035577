package io.shopcore.auth.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A registered account. The password is only ever held as an encoded hash. */
public final class User {

    private final UserId id;
    private final Username username;
    private String passwordHash;
    private final Set<Role> roles;
    private final Instant createdAt;

    private User(UserId id, Username username, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user has at least one role");
        }
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** A self-registered customer. */
    public static User register(Username username, String passwordHash, Instant now) {
        return new User(UserId.random(), username, passwordHash, EnumSet.of(Role.CUSTOMER), now);
    }

    public static User newAdmin(Username username, String passwordHash, Instant now) {
        return new User(UserId.random(), username, passwordHash, EnumSet.of(Role.ADMIN), now);
    }

    public static User reconstitute(
            UserId id, Username username, String passwordHash, Set<Role> roles, Instant createdAt) {
        return new User(id, username, passwordHash, roles, createdAt);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    /** Adds the role; true when the user did not have it yet. */
    public boolean grant(Role role) {
        return roles.add(role);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public UserId id() {
        return id;
    }

    public Username username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
