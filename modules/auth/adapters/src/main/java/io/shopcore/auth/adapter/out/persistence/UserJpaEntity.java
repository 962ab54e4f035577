package io.shopcore.auth.adapter.out.persistence;

import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import io.shopcore.auth.domain.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Collectors;

@Entity
@Table(name = "app_user", schema = "auth")
public class UserJpaEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static UserJpaEntity from(User user) {
        UserJpaEntity e = new UserJpaEntity();
        e.id = user.id().value();
        e.username = user.username().value();
        e.createdAt = user.createdAt();
        e.copyMutable(user);
        return e;
    }

    void copyMutable(User user) {
        passwordHash = user.passwordHash();
        roles = user.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(","));
    }

    User toDomain() {
        EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(","))
                .filter(s -> !s.isBlank())
                .map(Role::fromWire)
                .forEach(parsed::add);
        return User.reconstitute(new UserId(id), new Username(username), passwordHash, parsed, createdAt);
    }
}
