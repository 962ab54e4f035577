package io.shopcore.auth.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.infrastructure.store.TranslateStoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TranslateStoreFailures("auth")
public class JpaRefreshTokenRepository implements RefreshTokenRepository, PanacheRepositoryBase<RefreshTokenJpaEntity, UUID> {

    @Override
    public void add(RefreshToken token) {
        persist(RefreshTokenJpaEntity.from(token));
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().map(RefreshTokenJpaEntity::toDomain);
    }

    @Override
    public void updateState(RefreshToken token) {
        update("state = ?1 where id = ?2", token.state(), token.id());
    }

    @Override
    public int revokeFamily(UUID familyId) {
        return update("state = ?1 where familyId = ?2 and state <> ?1", RefreshToken.State.REVOKED, familyId);
    }
}
