package io.shopcore.auth.adapter.out.persistence;

import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refresh_token", schema = "auth")
public class RefreshTokenJpaEntity {

    @Id
    public UUID id;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RefreshToken.State state;

    static RefreshTokenJpaEntity from(RefreshToken t) {
        RefreshTokenJpaEntity e = new RefreshTokenJpaEntity();
        e.id = t.id();
        e.familyId = t.familyId();
        e.userId = t.userId().value();
        e.tokenHash = t.tokenHash();
        e.expiresAt = t.expiresAt();
        e.state = t.state();
        return e;
    }

    RefreshToken toDomain() {
        return RefreshToken.reconstitute(id, familyId, new UserId(userId), tokenHash, expiresAt, state);
    }
}
