package io.shopcore.auth.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import io.shopcore.auth.domain.Username;
import io.shopcore.infrastructure.store.TranslateStoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TranslateStoreFailures("auth")
public class JpaUserRepository implements UserRepository, PanacheRepositoryBase<UserJpaEntity, UUID> {

    @Override
    public Optional<User> findByUsername(Username username) {
        return find("username", username.value()).firstResultOptional().map(UserJpaEntity::toDomain);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findByIdOptional(id.value()).map(UserJpaEntity::toDomain);
    }

    @Override
    public boolean addIfUsernameFree(User user) {
        UserJpaEntity e = UserJpaEntity.from(user);
        // ON CONFLICT keeps a concurrent duplicate from failing the transaction.
        int inserted = getEntityManager()
                .createNativeQuery("""
                        INSERT INTO auth.app_user (id, username, password_hash, roles, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (username) DO NOTHING""")
                .setParameter(1, e.id)
                .setParameter(2, e.username)
                .setParameter(3, e.passwordHash)
                .setParameter(4, e.roles)
                .setParameter(5, e.createdAt)
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public void update(User user) {
        UserJpaEntity e = findById(user.id().value());
        if (e == null) {
            throw new IllegalStateException("no user " + user.id());
        }
        e.copyMutable(user);
    }
}
