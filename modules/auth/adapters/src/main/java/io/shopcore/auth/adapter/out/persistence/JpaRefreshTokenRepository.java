package io.shopcore.auth.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.UserId;
import io.shopcore.infrastructure.store.TranslateStoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TranslateStoreFailures("auth")
public class JpaRefreshTokenRepository
        implements RefreshTokenRepository, PanacheRepositoryBase<RefreshTokenJpaEntity, UUID> {

    @Override
    public void add(RefreshToken token) {
        persist(RefreshTokenJpaEntity.from(token));
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .map(RefreshTokenJpaEntity::toDomain);
    }

    @Override
    public void updateState(RefreshToken token) {
        update("state = ?1 where id = ?2", token.state(), token.id());
    }

    @Override
    public int revokeAllOf(UserId userId) {
        return update("state = ?1 where userId = ?2 and state <> ?1", RefreshToken.State.REVOKED, userId.value());
    }

    /**
     * One bounded batch: {@code SKIP LOCKED} lets two instances purge at the same time without waiting for
     * or deleting each other's rows, and without touching a row a refresh holds locked right now.
     */
    @Override
    public int deleteUnusable(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        DELETE FROM auth.refresh_token WHERE id IN (
                            SELECT id FROM auth.refresh_token
                            WHERE state = 'REVOKED' OR expires_at <= ?1
                            LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .executeUpdate();
    }

    @Override
    public int revokeFamily(UUID familyId) {
        return update("state = ?1 where familyId = ?2 and state <> ?1", RefreshToken.State.REVOKED, familyId);
    }
}
